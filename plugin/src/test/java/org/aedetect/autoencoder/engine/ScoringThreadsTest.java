package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** {@link ScoringThreads#run}: every part runs once, even without threads for them, and failures come in order. */
class ScoringThreadsTest {

    /** Takes the first {@code accepted} tasks onto one thread, then refuses as a pool without threads would. */
    private static ExecutorService refusingAfter(final int accepted) {
        final ExecutorService inner = Executors.newSingleThreadExecutor();
        return new AbstractExecutorService() {
            private int taken;

            @Override
            public void execute(final Runnable command) {
                if (taken++ >= accepted) {
                    inner.shutdown();
                    throw new RejectedExecutionException("no thread");
                }
                inner.execute(command);
            }

            @Override
            public void shutdown() {
                inner.shutdown();
            }

            @Override
            public java.util.List<Runnable> shutdownNow() {
                return inner.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return inner.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return inner.isTerminated();
            }

            @Override
            public boolean awaitTermination(final long timeout, final TimeUnit unit) throws InterruptedException {
                return inner.awaitTermination(timeout, unit);
            }
        };
    }

    @Test
    void partsWithoutAThreadRunOnTheCallersAndEveryPartRunsOnce() {
        final AtomicIntegerArray runs = new AtomicIntegerArray(5);
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ScoringThreads.run(5, p -> {
            runs.incrementAndGet(p);
            threads.add(Thread.currentThread());
        }, refusingAfter(1));
        for (int p = 0; p < 5; p++) {
            assertEquals(1, runs.get(p), "part " + p);
        }
        assertEquals(2, threads.size(), "the caller and the one thread the executor gave");
        assertTrue(threads.contains(Thread.currentThread()));
    }

    @Test
    void theLowestFailingPartsFailureComesOutAfterAllPartsEnded() {
        final AtomicIntegerArray runs = new AtomicIntegerArray(4);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ScoringThreads.run(4, p -> {
                runs.incrementAndGet(p);
                if (p >= 2) {
                    throw new IllegalArgumentException("part " + p);
                }
            }, refusingAfter(1)));
        assertEquals("part 2", e.getMessage());
        for (int p = 0; p < 4; p++) {
            assertEquals(1, runs.get(p), "part " + p);
        }
    }
}
