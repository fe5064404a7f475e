package org.aedetect.autoencoder.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.aedetect.autoencoder.engine.ArrayRowSource;
import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.Tables;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Learner and Scorer executions running at once in one JVM, as KNIME runs independent branches of a
 * workflow: each gives the same model (training history) and the same scores as when it runs alone, and
 * nothing deadlocks. ND4J keeps workspaces and its random generator per thread, and the networks' own
 * (BLAS) thread count is fixed for the JVM, so results are expected bit-identical: the tests assert exact
 * equality, and print the ND4J thread count they ran with.
 */
@Timeout(value = 170, unit = TimeUnit.SECONDS)
class ConcurrencyTest {

    private static final int DATASETS = 4;

    private static final BufferedDataTable[] DATA = new BufferedDataTable[DATASETS];

    /** Scores (and training losses) of each data set's Learner -> Scorer run alone. */
    private static final double[][] ALONE_SCORES = new double[DATASETS][];

    private static final double[][] ALONE_LOSSES = new double[DATASETS][];

    /** One run: the model, its scores on its data and its per-epoch training losses. */
    private record Run(AutoencoderPortObject model, double[] scores, double[] losses) {
    }

    @BeforeAll
    static void runEachAlone() throws Exception {
        System.out.println("ND4J max threads: " + Nd4j.getEnvironment().maxThreads() + ", master threads: "
            + Nd4j.getEnvironment().maxMasterThreads() + ", cores: " + Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < DATASETS; i++) {
            DATA[i] = Planted.table(120 + 20 * i, 4, 100 + i);
            Run run = learnAndScore(i);
            ALONE_SCORES[i] = run.scores();
            ALONE_LOSSES[i] = run.losses();
        }
    }

    private static Run learnAndScore(final int dataset) throws Exception {
        NodeRunner<NodeModel> learner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(learner, 4);
        s.addInt("early_stopping_patience", 0);
        s.addLong("seed", 7 + dataset);
        learner.loadSettings(s);
        PortObject[] out = learner.execute(DATA[dataset]);
        AutoencoderPortObject model = (AutoencoderPortObject)out[0];
        return new Run(model, score(model, DATA[dataset]), Tables.doubleColumn((BufferedDataTable)out[1],
            "Training loss"));
    }

    private static double[] score(final AutoencoderPortObject model, final BufferedDataTable table)
        throws Exception {
        return Tables.doubleColumn(Nodes.table(Nodes.scorer().execute(model, table), 0), "Reconstruction error");
    }

    /** Runs the tasks at once (each on its own thread) and waits at most {@code seconds} for all of them. */
    private static <T> List<T> atOnce(final List<Callable<T>> tasks, final int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = pool.invokeAll(tasks, seconds, TimeUnit.SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                if (f.isCancelled()) {
                    fail(tasks.size() + " concurrent runs did not finish within " + seconds
                        + " s: deadlock or starvation");
                }
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "worker threads ended");
        }
    }

    private static void runConcurrentlyAndCompare(final int n) throws Exception {
        List<Callable<Run>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int dataset = i;
            tasks.add(() -> learnAndScore(dataset));
        }
        List<Run> runs = atOnce(tasks, 60);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(ALONE_LOSSES[i], runs.get(i).losses(), "data set " + i + ": same training as alone");
            assertArrayEquals(ALONE_SCORES[i], runs.get(i).scores(), "data set " + i + ": same scores as alone");
        }
    }

    @Test
    void twoLearnersAndScorersAtOnceGiveTheSameModelsAndScoresAsAlone() throws Exception {
        runConcurrentlyAndCompare(2);
    }

    @Test
    void fourLearnersAndScorersAtOnceGiveTheSameModelsAndScoresAsAlone() throws Exception {
        runConcurrentlyAndCompare(4);
    }

    @Test
    void fourScorersShareOneModelAtOnce() throws Exception {
        AutoencoderPortObject model = learnAndScore(0).model();
        List<Callable<double[]>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int dataset = i;
            tasks.add(() -> score(model, DATA[dataset]));
        }
        List<double[]> scores = atOnce(tasks, 30);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(score(model, DATA[i]), scores.get(i), "data set " + i);
        }
    }

    /**
     * Wider layers (64 columns, 256-32 encoder), where ND4J's BLAS may split a matrix product over its
     * threads: four engine trainings at once still give the scores of each alone.
     */
    @Test
    void widerNetworksTrainedAtOnceMatchTheirSoloRuns() throws Exception {
        AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(256, 32).epochs(1).batchSize(64)
            .validationFraction(0).build();
        double[][][] data = new double[4][][];
        double[][] alone = new double[4][];
        for (int i = 0; i < 4; i++) {
            java.util.Random random = new java.util.Random(i);
            data[i] = new double[128][64];
            for (double[] row : data[i]) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = random.nextGaussian();
                }
            }
            alone[i] = train(spec, data[i]);
        }
        List<Callable<double[]>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double[][] rows = data[i];
            tasks.add(() -> train(spec, rows));
        }
        List<double[]> together = atOnce(tasks, 60);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(alone[i], together.get(i), "data set " + i);
        }
    }

    private static double[] train(final AutoencoderSpec spec, final double[][] rows) {
        TrainedAutoencoder model = new AutoencoderTrainer().train(spec, ArrayRowSource.of(rows), null);
        double[] scores = model.score(rows, ErrorMetric.MSE, false).rowErrors();
        TrainedAutoencoder.releaseThreadMemory();
        return scores;
    }

    /**
     * Stress: a fixed number of rounds, each four Learner -> Scorer runs plus four Scorers on a shared model at
     * once, all within a bounded time (60 s per round at most, 3 rounds); every result as when run alone.
     */
    @Test
    void stressRoundsOfMixedConcurrentRunsStayDeterministic() throws Exception {
        AutoencoderPortObject shared = learnAndScore(1).model();
        long start = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            List<Callable<double[]>> tasks = new ArrayList<>();
            for (int i = 0; i < DATASETS; i++) {
                int dataset = (i + round) % DATASETS;
                tasks.add(() -> learnAndScore(dataset).scores());
                tasks.add(() -> score(shared, DATA[dataset]));
            }
            List<double[]> results = atOnce(tasks, 60);
            for (int i = 0; i < DATASETS; i++) {
                int dataset = (i + round) % DATASETS;
                assertArrayEquals(ALONE_SCORES[dataset], results.get(2 * i), "round " + round + ", set " + dataset);
                assertEquals(DATA[dataset].size(), results.get(2 * i + 1).length);
            }
        }
        System.out.printf("stress: 3 rounds of 8 concurrent runs in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
