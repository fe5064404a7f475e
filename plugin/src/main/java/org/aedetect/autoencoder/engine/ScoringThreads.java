package org.aedetect.autoencoder.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the parts of one piece of scoring work at once: part 0 on the calling thread, the others on daemon
 * threads of a pool that keeps idle threads for a minute and then lets them end (nothing stays behind in
 * KNIME when nobody scores). Used through {@link DenseStep#inParallel}, which serialises all such sections.
 */
final class ScoringThreads {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    /** A cached pool: no thread kept for good, idle ones end after a minute. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(Worker::new);

    private ScoringThreads() {
    }

    /** The pool's threads: they only ever run parts of a section whose caller holds the native-call lock. */
    private static final class Worker extends Thread {
        Worker(final Runnable task) {
            super(task, "aedetect-scoring-" + NUMBER.incrementAndGet());
            setDaemon(true);
        }
    }

    /** Whether the calling thread is one of this pool's, i.e. runs a part of a section. */
    static boolean isWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    /**
     * Runs {@code part} for 0, ..., {@code parts - 1} at once and returns when all have ended, even if the
     * calling thread is interrupted meanwhile (the parts share state with the caller; the interrupt is kept).
     * Parts that get no thread (the pool refuses, or no native thread can be made) run on the calling thread.
     *
     * @throws RuntimeException or Error: the failure of the lowest-numbered part that failed (the one a
     *             sequential run over the parts in order would have met first)
     */
    static void run(final int parts, final IntConsumer part) {
        run(parts, part, POOL);
    }

    /** {@link #run(int, IntConsumer)} with the given executor for parts 1 and up (tests give failing ones). */
    static void run(final int parts, final IntConsumer part, final ExecutorService executor) {
        final Future<?>[] others = new Future<?>[parts];
        final Throwable[] failures = new Throwable[parts];
        int submitted = 1;
        try {
            for (; submitted < parts; submitted++) {
                final int index = submitted;
                others[index] = executor.submit(() -> part.accept(index));
            }
        } catch (RuntimeException | Error e) {
            // RejectedExecutionException, or an OutOfMemoryError for want of a native thread: the rest run here
        }
        for (int p = 0; p < parts; p++) {
            if (p == 0 || p >= submitted) {
                try {
                    part.accept(p);
                } catch (RuntimeException | Error e) {
                    failures[p] = e;
                }
            }
        }
        boolean interrupted = false;
        for (int p = 1; p < submitted; p++) {
            while (true) {
                try {
                    others[p].get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failures[p] = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (final Throwable failure : failures) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
