package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scoring splits a call's rows between threads (TrainedAutoencoder#score, DenseStep#inParallel): every row is
 * scored once, by another thread than the caller's for some rows, with the scores of a sequential run up to float
 * rounding, the same on every run, with missing rows, bad rows and OpenBLAS's thread setting handled as in a
 * sequential run. The tests set OpenBLAS to two threads (and put the setting back), so that they split on a
 * one-core machine too.
 */
class ParallelScoringTest {

    /** 64 columns: with hidden layers 32 and 8, enough work per row that 1,000 rows split between two threads. */
    private static final GeneratedData.Subspace DATA = new GeneratedData.Subspace(64, 3, 21);

    private static final double[][] SCORED = DATA.inliers(1000);

    private static TrainedAutoencoder model;

    private int blasThreads;

    @BeforeAll
    static void train() {
        Nd4jRuntime.ensureInitialized();
        model = new AutoencoderTrainer().train(quick().build(), ArrayRowSource.of(DATA.inliers(600)),
            TrainingListener.NONE);
    }

    /** Rows of 784 columns: with a 512-wide first layer, OpenBLAS splits the matrix products between threads. */
    private static double[][] wideRows(final int n) {
        return new GeneratedData.Subspace(784, 5, 9).inliers(n);
    }

    private static TrainedAutoencoder wideModel(final double[][] rows) {
        return new AutoencoderTrainer().train(quick().hiddenLayers(512, 16).epochs(1).build(), ArrayRowSource.of(rows),
            TrainingListener.NONE);
    }

    private static AutoencoderSpec.Builder quick() {
        return AutoencoderSpec.builder().hiddenLayers(32, 8).epochs(2).batchSize(32).validationFraction(0)
            .missingValuePolicy(MissingValuePolicy.SKIP_ROW);
    }

    @BeforeEach
    void twoBlasThreads() {
        blasThreads = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(2);
    }

    @AfterEach
    void restoreBlasThreads() {
        Nd4j.factory().blas().setMaxThreads(blasThreads);
    }

    @Test
    void callsForBatchAfterBatchScoringHaveAFullBatchForEveryThread() {
        // up to four threads: 4,096 rows; beyond, 1,024 rows per thread, up to 64 threads' worth
        for (final int threads : new int[] {1, 2, 4}) {
            assertEquals(4096, TrainedAutoencoder.scoreCallRows(threads), threads + " threads");
        }
        assertEquals(5120, TrainedAutoencoder.scoreCallRows(5));
        assertEquals(16384, TrainedAutoencoder.scoreCallRows(16));
        assertEquals(32768, TrainedAutoencoder.scoreCallRows(32));
        assertEquals(65536, TrainedAutoencoder.scoreCallRows(64));
        assertEquals(65536, TrainedAutoencoder.scoreCallRows(Integer.MAX_VALUE));
        // the public variant follows the engine's OpenBLAS thread setting (two here, see twoBlasThreads)
        assertEquals(4096, TrainedAutoencoder.scoreCallRows());
        Nd4j.factory().blas().setMaxThreads(16);
        assertEquals(16384, TrainedAutoencoder.scoreCallRows());
    }

    @Test
    void everyRowIsReadOnceAndSomeByAnotherThread() {
        final AtomicIntegerArray reads = new AtomicIntegerArray(SCORED.length);
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        model.score(SCORED.length, (row, scratch) -> {
            reads.incrementAndGet(row);
            threads.add(Thread.currentThread());
            return SCORED[row];
        }, ErrorMetric.MSE, false);
        for (int r = 0; r < SCORED.length; r++) {
            assertEquals(1, reads.get(r), "row " + r);
        }
        assertEquals(2, threads.size(), "threads that read rows: " + threads);
        assertTrue(threads.contains(Thread.currentThread()));
    }

    @Test
    void callsWithLittleWorkStayOnTheCallingThread() {
        // 100 rows of this model, or 1,000 rows of a model of 8 columns: a part would take less than handing it over
        assertEquals(Set.of(Thread.currentThread()), threadsThatRead(model, SCORED, 100));
        final GeneratedData.Subspace narrow = new GeneratedData.Subspace(8, 3, 4);
        final TrainedAutoencoder small = new AutoencoderTrainer().train(quick().hiddenLayers(6, 3).build(),
            ArrayRowSource.of(narrow.inliers(300)), TrainingListener.NONE);
        assertEquals(Set.of(Thread.currentThread()), threadsThatRead(small, narrow.inliers(1000), 1000));
    }

    private static Set<Thread> threadsThatRead(final TrainedAutoencoder model, final double[][] rows, final int n) {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        model.score(n, (row, scratch) -> {
            threads.add(Thread.currentThread());
            return rows[row];
        }, ErrorMetric.MSE, false);
        return threads;
    }

    @Test
    void scoresMatchScoringRowByRowUpToFloatRounding() {
        for (final ErrorMetric metric : ErrorMetric.values()) {
            final ScoreResult all = model.score(SCORED, metric, true);
            for (int r = 0; r < SCORED.length; r += 7) {
                final ScoreResult one = model.score(new double[][] {SCORED[r]}, metric, true);
                assertClose(one.rowErrors()[0], all.rowErrors()[r], metric + " row " + r);
                assertClose(one.trainingPercentiles()[0], all.trainingPercentiles()[r], "percentile row " + r);
                for (int c = 0; c < SCORED[r].length; c++) {
                    // a single column's error is a difference of two floats of order 1: float rounding of the
                    // reconstruction (~1e-7) moves a small squared difference by more than 1e-5 of itself
                    assertEquals(one.columnErrors()[0][c], all.columnErrors()[r][c], 1e-6,
                        metric + " row " + r + " col " + c);
                }
            }
        }
    }

    @Test
    void scoresAndColumnErrorsAreEachMetricOfDl4jsOwnReconstruction() {
        // missing rows in both parts and at their edges: the rows after them shift in their part's batch
        final double[][] rows = java.util.Arrays.stream(SCORED).map(double[]::clone).toArray(double[][]::new);
        for (final int r : new int[] {0, 7, 499, 500, 998}) {
            rows[r][r % 64] = Double.NaN;
        }
        final int columns = 64;
        final double[][] scorable = java.util.Arrays.stream(rows)
            .filter(row -> java.util.Arrays.stream(row).noneMatch(Double::isNaN)).toArray(double[][]::new);
        final float[] inputs = new float[scorable.length * columns];
        for (int i = 0; i < scorable.length; i++) {
            for (int c = 0; c < columns; c++) {
                inputs[i * columns + c] = (float)model.normalizer().apply(c, scorable[i][c]);
            }
        }
        final org.nd4j.linalg.api.ndarray.INDArray dl4j = DenseStep.exclusively(
            () -> model.network().output(Reconstructor.matrix(inputs, scorable.length, columns), false));
        final float[] outputs = dl4j.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        for (final ErrorMetric metric : ErrorMetric.values()) {
            final ScoreResult result = model.score(rows, metric, true);
            assertEquals(5, result.missingRows());
            int i = 0;
            for (int r = 0; r < rows.length; r++) {
                if (Double.isNaN(result.rowErrors()[r])) {
                    assertTrue(java.util.Arrays.stream(rows[r]).anyMatch(Double::isNaN), "row " + r);
                    continue;
                }
                for (int c = 0; c < columns; c++) {
                    final double d = (double)inputs[i * columns + c] - outputs[i * columns + c];
                    final double term = metric.usesSquaredColumnErrors() ? d * d : Math.abs(d);
                    // the engine's forward pass and DL4J's agree to about 1e-6 on each output (DenseStepTest)
                    assertEquals(term, result.columnErrors()[r][c], 1e-5, metric + " row " + r + " column " + c);
                }
                final double expected =
                    ReconstructionErrorsTest.expected(metric, inputs, outputs, i * columns, columns);
                assertEquals(expected, result.rowErrors()[r], 1e-5 + 1e-3 * expected, metric + " row " + r);
                i++;
            }
            assertEquals(scorable.length, i, "every scorable row scored");
        }
    }

    @Test
    void percentilesPlaceEachRowsMseAmongTheTrainingErrorsWhateverTheMetric() {
        final double[][] rows = copy(SCORED);
        rows[500][0] = Double.NaN;
        final double[] mse = model.score(rows, ErrorMetric.MSE, false).rowErrors();
        for (final ErrorMetric metric : ErrorMetric.values()) {
            final ScoreResult result = model.score(rows, metric, false);
            final double[] percentiles = result.trainingPercentiles();
            assertSame(percentiles, result.trainingPercentiles(), "computed once");
            for (int r = 0; r < rows.length; r++) {
                final double expected = r == 500 ? Double.NaN : model.trainingErrors().percentileOf(mse[r]);
                assertEquals(expected, percentiles[r], metric + " row " + r);
            }
        }
    }

    private static void assertClose(final double expected, final double actual, final String what) {
        assertEquals(expected, actual, 1e-5 * Math.abs(expected) + 1e-9, what);
    }

    @Test
    void sameScoresOnEveryRun() {
        final double[] first = model.score(SCORED, ErrorMetric.MSE, false).rowErrors();
        assertArrayEquals(first, model.score(SCORED, ErrorMetric.MSE, false).rowErrors());
        assertArrayEquals(first, model.score(SCORED.length, (row, scratch) -> {
            System.arraycopy(SCORED[row], 0, scratch, 0, scratch.length);
            return scratch;
        }, ErrorMetric.MSE, false).rowErrors(), "values given in the scratch array");
    }

    @Test
    void concurrentCallersGetTheScoresOfASequentialCall() throws Exception {
        final double[] expected = model.score(SCORED, ErrorMetric.MSE, false).rowErrors();
        final ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            final java.util.List<Future<double[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                results.add(callers.submit(() -> model.score(SCORED, ErrorMetric.MSE, false).rowErrors()));
            }
            for (final Future<double[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void missingRowsInEveryPartAreCountedAndGetNaN() {
        final double[][] rows = copy(SCORED);
        final int[] missing = {3, 400, 501, 999};
        for (final int r : missing) {
            rows[r][r % rows[r].length] = Double.NaN;
        }
        final ScoreResult result = model.score(rows, ErrorMetric.MSE, true);
        assertEquals(missing.length, result.missingRows());
        for (int r = 0; r < rows.length; r++) {
            final boolean isMissing = contains(missing, r);
            assertEquals(isMissing, Double.isNaN(result.rowErrors()[r]), "row " + r);
            assertEquals(isMissing, Double.isNaN(result.trainingPercentiles()[r]), "percentile row " + r);
            assertEquals(isMissing, Double.isNaN(result.columnErrors()[r][0]), "column errors row " + r);
        }
        assertFalse(Double.isNaN(model.score(SCORED, ErrorMetric.MSE, false).rowErrors()[3]));
    }

    private static boolean contains(final int[] values, final int value) {
        for (final int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theFirstBadRowIsReportedWhicheverThreadMeetsIt() {
        final double[][] rows = copy(SCORED);
        rows[900][2] = Double.POSITIVE_INFINITY;
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> model.score(rows, ErrorMetric.MSE,
            false));
        assertTrue(e.getMessage().contains("row 901"), e.getMessage());
        rows[100][5] = Double.NEGATIVE_INFINITY;
        e = assertThrows(InvalidDataException.class, () -> model.score(rows, ErrorMetric.MSE, false));
        assertTrue(e.getMessage().contains("row 101"), e.getMessage());
        rows[900] = new double[3];
        final IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
            () -> model.score(rows.length, (row, scratch) -> row == 100 ? SCORED[row] : rows[row], ErrorMetric.MSE,
                false));
        assertTrue(wrongLength.getMessage().startsWith("Row 901 has 3 values"), wrongLength.getMessage());
        // and scoring works afterwards, with the same scores as before the failures
        assertArrayEquals(model.score(SCORED, ErrorMetric.MSE, false).rowErrors(),
            model.score(SCORED, ErrorMetric.MSE, false).rowErrors());
    }

    /** A 256 x 784 by 784 x 512 product through ND4J, on as many OpenBLAS threads as are set natively now. */
    private static float[] product() {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        final float[] a = new float[256 * 784];
        final float[] b = new float[784 * 512];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float)random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float)random.nextGaussian();
        }
        return Nd4j.create(a, new int[] {256, 784}).mmul(Nd4j.create(b, new int[] {784, 512})).data().asFloat();
    }

    /**
     * The tests that tell OpenBLAS's thread count by the bits of results need one- and two-thread products to
     * differ on the machine (they do on this project's); where they do not, those tests are skipped, not passed.
     */
    private static void assumeThreadCountShowsInTheBits() {
        Nd4j.factory().blas().setMaxThreads(1);
        final float[] one = product();
        Nd4j.factory().blas().setMaxThreads(2);
        assumeFalse(java.util.Arrays.equals(one, product()),
            "OpenBLAS gives the same bits on one and two threads here");
    }

    @Test
    void openBlasIsBackOnItsThreadsAfterEverySection() {
        assumeThreadCountShowsInTheBits();
        final float[] twoThreads = product();
        final double[][] wide = wideRows(256);
        final TrainedAutoencoder model = wideModel(wide);
        model.score(wide, ErrorMetric.MSE, false);
        assertArrayEquals(twoThreads, product(), "after a section");
        wide[200][3] = Double.POSITIVE_INFINITY;
        assertThrows(InvalidDataException.class, () -> model.score(wide, ErrorMetric.MSE, false));
        assertArrayEquals(twoThreads, product(), "after a section that failed");
    }

    @Test
    void eachPartComputesWhatASingleThreadedCallOnItsRowsGives() {
        assumeThreadCountShowsInTheBits();
        final double[][] wide = wideRows(256);
        final TrainedAutoencoder model = wideModel(wide);
        final double[] split = model.score(wide, ErrorMetric.MSE, false).rowErrors();
        Nd4j.factory().blas().setMaxThreads(1);
        final double[] first = model.score(java.util.Arrays.copyOfRange(wide, 0, 128), ErrorMetric.MSE, false)
            .rowErrors();
        final double[] second = model.score(java.util.Arrays.copyOfRange(wide, 128, 256), ErrorMetric.MSE, false)
            .rowErrors();
        assertArrayEquals(first, java.util.Arrays.copyOfRange(split, 0, 128));
        assertArrayEquals(second, java.util.Arrays.copyOfRange(split, 128, 256));
    }

    @Test
    void theTrainingErrorsAreTheScoresOfTheTrainingRows() {
        // more than two scoring batches, so that the trainer's pass over its rows runs batches at once
        final double[][] rows = DATA.inliers(2 * TrainedAutoencoder.SCORE_BATCH + 300);
        final TrainedAutoencoder trained = new AutoencoderTrainer().train(quick().epochs(1).build(),
            ArrayRowSource.of(rows), TrainingListener.NONE);
        final double[] expected = ErrorDistribution.of(trained.score(rows, ErrorMetric.MSE, false).rowErrors())
            .table();
        final double[] actual = trained.trainingErrors().table();
        assertEquals(rows.length, trained.trainingErrors().count());
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], "quantile " + i);
        }
    }

    @Test
    void dl4jsOwnTrainingGivesTheSameModelWhileAnotherThreadScores() throws Exception {
        // dropout: DL4J's generic fit trains this one; wide, so that OpenBLAS's thread count shows in the bits
        assumeThreadCountShowsInTheBits();
        final double[][] wide = wideRows(512);
        final AutoencoderSpec dropout = quick().hiddenLayers(512, 16).epochs(2).dropout(0.1).build();
        final double[] alone = trainAndScore(dropout, wide);
        final TrainedAutoencoder other = wideModel(wide);
        final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger sections = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
            new java.util.concurrent.atomic.AtomicReference<>();
        final Thread scoring = new Thread(() -> {
            try {
                while (!stop.get()) {
                    other.score(wide, ErrorMetric.MSE, false);
                    sections.incrementAndGet();
                }
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        });
        scoring.start();
        try {
            assertArrayEquals(alone, trainAndScore(dropout, wide));
        } finally {
            stop.set(true);
            scoring.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("scoring on the other thread failed", failure.get());
        }
        assertTrue(sections.get() > 0, "the other thread scored meanwhile");
    }

    private static double[] trainAndScore(final AutoencoderSpec spec, final double[][] rows) {
        return new AutoencoderTrainer().train(spec, ArrayRowSource.of(rows), TrainingListener.NONE)
            .score(rows, ErrorMetric.MSE, false).rowErrors();
    }

    @Test
    void releasingTheScoringBuffersFreesTheirNativeMemoryAndScoringGoesOn() {
        final double[][] wide = wideRows(2048);
        final TrainedAutoencoder model = wideModel(wide);
        final double[] scores = model.score(wide, ErrorMetric.MSE, false).rowErrors();
        final long held = nativeBytes();
        model.releaseScoringBuffers();
        // two parts' activations for 1,024 rows each: input, 512, 16, 512, output (784 wide), as floats
        final long perPart = 1024L * (784 + 512 + 16 + 512 + 784) * Float.BYTES;
        final long freed = held - nativeBytes();
        assertTrue(freed >= 2 * perPart, "freed " + freed + " bytes");
        // a sigmoid output goes from its pre-activation straight to the caller: no array for the activation (784 wide)
        assertEquals(OutputActivation.SIGMOID, model.spec().outputActivation());
        assertTrue(freed < 2 * (perPart + 1024L * 784 * Float.BYTES), "freed " + freed + " bytes");
        assertArrayEquals(scores, model.score(wide, ErrorMetric.MSE, false).rowErrors());
        model.releaseScoringBuffers();
    }

    /** What libnd4j counts as allocated on the host. */
    private static long nativeBytes() {
        return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().getGroupCounter(0);
    }

    @Test
    void aPartThatWouldNeedTheLockFailsInsteadOfWaitingForever() {
        final IllegalStateException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
            () -> assertThrows(IllegalStateException.class, () -> DenseStep.inParallel(2, p -> {
                if (p == 1) {
                    DenseStep.exclusively(() -> null);
                }
            })));
        assertTrue(e.getMessage().contains("native-call lock"), e.getMessage());
    }

    @Test
    void partsMadeAfterTheTrainerPropertyChangedKeepTheCallOnOneThread() {
        final double[][] rows = DATA.inliers(2000); // enough work for three parts
        model.releaseScoringBuffers();
        final double[] expected = model.score(rows, ErrorMetric.MSE, false).rowErrors(); // two parts pooled
        final String before = System.getProperty(DenseStep.TRAINER_PROPERTY);
        System.setProperty(DenseStep.TRAINER_PROPERTY, "dl4j");
        Nd4j.factory().blas().setMaxThreads(3); // a third part, made now: through DL4J's output, not DenseStep
        try {
            final Thread[] caller = new Thread[1];
            final Set<Thread> threads = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
                caller[0] = Thread.currentThread();
                return threadsThatRead(model, rows, rows.length);
            });
            assertEquals(Set.of(caller[0]), threads);
            final double[] scores = model.score(rows, ErrorMetric.MSE, false).rowErrors();
            for (int r = 0; r < scores.length; r++) {
                assertClose(expected[r], scores[r], "row " + r);
            }
        } finally {
            if (before == null) {
                System.clearProperty(DenseStep.TRAINER_PROPERTY);
            } else {
                System.setProperty(DenseStep.TRAINER_PROPERTY, before);
            }
            model.releaseScoringBuffers();
        }
    }

    @Test
    void aNetworkWithNd4jActivationsScoresOnTheCallingThread() {
        final TrainedAutoencoder tanh = new AutoencoderTrainer().train(
            quick().hiddenActivation(HiddenActivation.TANH).build(), ArrayRowSource.of(DATA.inliers(300)),
            TrainingListener.NONE);
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final double[] errors = tanh.score(SCORED.length, (row, scratch) -> {
            threads.add(Thread.currentThread());
            return SCORED[row];
        }, ErrorMetric.MSE, false).rowErrors();
        assertEquals(Set.of(Thread.currentThread()), threads);
        assertTrue(java.util.Arrays.stream(errors).allMatch(Double::isFinite));
    }

    private static double[][] copy(final double[][] rows) {
        final double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }
}
