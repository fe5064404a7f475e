package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.memory.AllocationsTracker;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cancelling training at points other than the epoch boundary ({@link TrainingLoopTest} has that one):
 * during the first pass that fits the normalization, while filling the row cache, mid-epoch at random
 * mini-batches, during the validation pass and during the final training-error pass. Each stops within one
 * mini-batch worth of rows, gives no model, closes every cursor, and leaks no off-heap memory.
 */
@Timeout(120)
class CancellationTest {

    private static final int BATCH = 16;

    private static final double[][] ROWS = new GeneratedData.Subspace(5, 2, 11).inliers(640);

    private static final AutoencoderSpec SPEC = AutoencoderSpec.builder().hiddenLayers(4, 2).epochs(3)
        .batchSize(BATCH).validationFraction(0.25).earlyStoppingPatience(2).build();

    /** A source that counts passes and rows, and raises the cancel flag at a chosen row of a chosen pass. */
    private static final class Tripwire implements RowSource, TrainingListener {
        private final RowSource rows = ArrayRowSource.of(ROWS);

        private final int pass;

        private final int row;

        private final AtomicBoolean canceled = new AtomicBoolean();

        private int opened;

        private int closed;

        private int rowsAfterCancel;

        private int batchesAfterCancel;

        Tripwire(final int pass, final int row) {
            this.pass = pass;
            this.row = row;
        }

        @Override
        public List<String> columnNames() {
            return rows.columnNames();
        }

        @Override
        public RowCursor open() {
            final int thisPass = ++opened;
            final RowCursor cursor = rows.open();
            return new RowCursor() {
                private int read;

                @Override
                public boolean next(final double[] into) {
                    if (canceled.get()) {
                        rowsAfterCancel++;
                    }
                    if (thisPass == pass && ++read == row) {
                        canceled.set(true);
                    }
                    return cursor.next(into);
                }

                @Override
                public void close() {
                    closed++;
                    cursor.close();
                }
            };
        }

        @Override
        public void onMiniBatch(final int epoch, final long rowsDone, final long rowsPerEpoch) {
            if (canceled.get()) {
                batchesAfterCancel++;
            }
        }

        @Override
        public boolean isCanceled() {
            return canceled.get();
        }
    }

    private static void assertCanceledPromptly(final Tripwire trip, final long cacheBudget, final int maxRows) {
        assertThrows(TrainingCanceledException.class, () -> new AutoencoderTrainer(cacheBudget).train(SPEC, trip,
            trip));
        assertTrue(trip.canceled.get(), "the tripwire was reached");
        assertTrue(trip.rowsAfterCancel <= maxRows, trip.rowsAfterCancel + " rows read after the cancel");
        assertEquals(0, trip.batchesAfterCancel, "no mini-batch trained after the cancel");
        assertEquals(trip.opened, trip.closed, "every pass closed its cursor");
    }

    @Test
    void cancelDuringTheFirstPassStopsWithinOneBatchOfRows() {
        for (final int row : new int[] {1, 17, 333, 639}) {
            final Tripwire trip = new Tripwire(1, row);
            assertCanceledPromptly(trip, AutoencoderTrainer.DEFAULT_CACHE_BUDGET_BYTES, BATCH);
            assertEquals(1, trip.opened, "no pass after the first");
        }
    }

    @Test
    void cancelWhileFillingTheCacheStopsWithinOneBatchOfRows() {
        // pass 2 fills the cache; a validation row in between may be read and skipped. The budget fits the
        // float cache but not the in-memory replay of pass 1 (doubles, at most half the budget), so pass 2
        // reads the source
        final long budget = 2 * CachedRows.bytesNeeded(ROWS.length, ROWS[0].length);
        for (final int row : new int[] {5, 300}) {
            final Tripwire trip = new Tripwire(2, row);
            assertCanceledPromptly(trip, budget, 2 * BATCH);
            assertEquals(2, trip.opened);
        }
    }

    @Test
    void cancelAtRandomMiniBatchesStopsBeforeTheNextOne() {
        final Random random = new Random(20261128);
        for (int i = 0; i < 3; i++) {
            final int cancelAt = 1 + random.nextInt(3 * ROWS.length * 3 / 4 / BATCH - 1);
            final AtomicInteger batches = new AtomicInteger();
            final AtomicInteger after = new AtomicInteger();
            final TrainingListener listener = new TrainingListener() {
                @Override
                public void onMiniBatch(final int epoch, final long rowsDone, final long rowsPerEpoch) {
                    if (batches.incrementAndGet() > cancelAt) {
                        after.incrementAndGet();
                    }
                }

                @Override
                public boolean isCanceled() {
                    return batches.get() >= cancelAt;
                }
            };
            assertThrows(TrainingCanceledException.class,
                () -> new AutoencoderTrainer().train(SPEC, ArrayRowSource.of(ROWS), listener));
            assertEquals(cancelAt, batches.get(), "canceled at mini-batch " + cancelAt);
            assertEquals(0, after.get());
        }
    }

    @Test
    void cancelDuringValidationStopsWithinOneBatchOfValidationRows() {
        // streamed: pass 1 scans, pass 2 trains epoch 1, pass 3 validates it; a quarter of the rows validate,
        // so one batch of validation rows takes about four batches of input rows
        final Tripwire trip = new Tripwire(3, 200);
        assertCanceledPromptly(trip, 0, 6 * BATCH);
        assertEquals(3, trip.opened);
    }

    @Test
    void cancelAfterTheLastEpochStillGivesNoModel() {
        final AtomicBoolean canceled = new AtomicBoolean();
        final TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(final EpochEvent event) {
                if (event.epoch() == event.totalEpochs()) {
                    canceled.set(true);
                }
            }

            @Override
            public boolean isCanceled() {
                return canceled.get();
            }
        };
        final AutoencoderSpec noEarlyStop = SPEC.toBuilder().epochs(1).earlyStoppingPatience(0).build();
        assertThrows(TrainingCanceledException.class,
            () -> new AutoencoderTrainer().train(noEarlyStop, ArrayRowSource.of(ROWS), listener));
    }

    /**
     * Off-heap memory: JavaCPP counts the bytes of every native allocation it tracks ({@link
     * Pointer#totalBytes()}) and the process's resident memory ({@link Pointer#physicalBytes()}). After a
     * warm-up (ND4J's one-time buffers and caches), repeated canceled runs must not make either grow:
     * tracked bytes return to the baseline within 4 MB, resident memory within 64 MB (it includes the
     * Java heap and malloc arenas, so it is noisy). ND4J's own counter ({@code MemoryManager.allocatedMemory},
     * workspace bytes) is observed to grow by 8 KB per training run that created a network, canceled or
     * completed alike, even after the workspaces of the thread are destroyed; the bound allows exactly that
     * (an ND4J M2.1 workspace accounting effect, not a cancellation leak), so a real leak of arrays would
     * still fail it.
     */
    @Test
    void canceledRunsLeakNoOffHeapMemory() throws InterruptedException {
        final int[][] points = {{1, 100}, {2, 50}, {2, 400}, {3, 100}, {4, 300}};
        runCanceled(points); // warm-up
        final long[] baseline = settledMemory();
        for (int round = 0; round < 2; round++) {
            runCanceled(points);
        }
        final long[] after = settledMemory();
        final long trackedGrowth = after[0] - baseline[0];
        final long residentGrowth = after[1] - baseline[1];
        System.out.printf("off-heap after %d canceled runs: tracked %+d bytes (%d -> %d), resident %+d MB, "
            + "nd4j tracker %d -> %d, memory manager %d -> %d%n", 2 * points.length, trackedGrowth, baseline[0],
            after[0], residentGrowth >> 20, baseline[2], after[2], baseline[3], after[3]);
        assertTrue(trackedGrowth < 4L << 20, "tracked off-heap bytes grew by " + trackedGrowth);
        assertTrue(residentGrowth < 64L << 20, "resident memory grew by " + (residentGrowth >> 20) + " MB");
        final long nd4jGrowth = after[3] - baseline[3];
        assertTrue(nd4jGrowth <= 2L * points.length * 8192 + 4096, "ND4J's allocated memory grew by " + nd4jGrowth);
    }

    private static void runCanceled(final int[][] points) {
        for (final int[] point : points) {
            final Tripwire trip = new Tripwire(point[0], point[1]);
            assertThrows(TrainingCanceledException.class, () -> new AutoencoderTrainer(0).train(SPEC, trip, trip));
        }
    }

    /** Tracked and resident bytes after the garbage collector has freed unreachable arrays. */
    static long[] settledMemory() throws InterruptedException {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return new long[] {Pointer.totalBytes(), Pointer.physicalBytes(),
            AllocationsTracker.getInstance().bytesOnDevice(0), Nd4j.getMemoryManager().allocatedMemory(0)};
    }

    @Test
    void aCanceledTrainerTrainsNormallyAfterwards() {
        final AutoencoderTrainer trainer = new AutoencoderTrainer();
        final Tripwire trip = new Tripwire(1, 10);
        assertThrows(TrainingCanceledException.class, () -> trainer.train(SPEC, trip, trip));
        final TrainedAutoencoder model = trainer.train(SPEC, ArrayRowSource.of(ROWS), TrainingListener.NONE);
        final TrainedAutoencoder again = trainer.train(SPEC, ArrayRowSource.of(ROWS), TrainingListener.NONE);
        final List<Double> scores = new ArrayList<>();
        for (final double s : model.score(ROWS, ErrorMetric.MSE, false).rowErrors()) {
            scores.add(s);
        }
        final List<Double> scoresAgain = new ArrayList<>();
        for (final double s : again.score(ROWS, ErrorMetric.MSE, false).rowErrors()) {
            scoresAgain.add(s);
        }
        assertEquals(scores, scoresAgain, "a canceled run leaves no state behind that changes the next model");
    }
}
