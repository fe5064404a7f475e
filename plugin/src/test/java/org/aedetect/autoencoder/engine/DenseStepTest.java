package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The specialised step against DL4J's own implementation on the same network: forward pass, score,
 * gradient and several optimizer updates, for every hidden activation, output activation, loss and
 * optimizer the engine offers. Tolerances: float32 arithmetic in a different order (sgemm called
 * directly instead of through ND4J's matmul op), so values agree to about 1e-6 relative; we allow
 * 1e-5 on outputs and scores, 1e-4 relative to the largest component on gradients, and 1e-4 absolute on
 * parameters after ten updates (Adam and RMSProp divide by running gradient magnitudes, which can
 * magnify tiny differences in near-zero gradient components).
 */
class DenseStepTest {

    private static final int COLUMNS = 10;

    private static final int ROWS = 48;

    private static final int BATCH = 16;

    private static float[] data;

    @BeforeAll
    static void init() {
        Nd4jRuntime.ensureInitialized();
        final SplittableRandom random = new SplittableRandom(5);
        data = new float[ROWS * COLUMNS];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float)random.nextDouble();
        }
    }

    static Stream<AutoencoderSpec> specs() {
        final AutoencoderSpec base = AutoencoderSpec.builder().hiddenLayers(8, 4, 3).learningRate(0.01).seed(3)
            .build();
        return Stream.of(
            base.toBuilder().hiddenActivation(HiddenActivation.RELU).outputActivation(OutputActivation.SIGMOID)
                .loss(LossKind.MSE).optimizer(OptimizerKind.ADAM).build(),
            base.toBuilder().hiddenActivation(HiddenActivation.TANH).outputActivation(OutputActivation.LINEAR)
                .loss(LossKind.MAE).optimizer(OptimizerKind.RMSPROP).build(),
            base.toBuilder().hiddenActivation(HiddenActivation.ELU).outputActivation(OutputActivation.SIGMOID)
                .loss(LossKind.BINARY_CROSS_ENTROPY).optimizer(OptimizerKind.SGD_NESTEROV).build(),
            base.toBuilder().hiddenActivation(HiddenActivation.LEAKY_RELU).outputActivation(OutputActivation.LINEAR)
                .loss(LossKind.MSE).optimizer(OptimizerKind.ADAM).build(),
            base.toBuilder().hiddenActivation(HiddenActivation.SIGMOID).outputActivation(OutputActivation.SIGMOID)
                .loss(LossKind.MSE).optimizer(OptimizerKind.ADAM).build());
    }

    private static MultiLayerNetwork network(final AutoencoderSpec spec) {
        return AutoencoderNetwork.create(spec, COLUMNS, spec.outputActivation() == OutputActivation.SIGMOID);
    }

    private static float[] batch(final int index) {
        return Arrays.copyOfRange(data, index * BATCH * COLUMNS, (index + 1) * BATCH * COLUMNS);
    }

    private static INDArray matrix(final float[] rows) {
        return Reconstructor.matrix(rows, rows.length / COLUMNS, COLUMNS);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void forwardPassMatchesDl4j(final AutoencoderSpec spec) {
        final MultiLayerNetwork net = network(spec);
        final DenseStep step = DenseStep.forNetwork(net);
        assertNotNull(step);
        final float[] x = batch(0);
        final float[] ours = step.reconstruct(x, BATCH, new float[BATCH * COLUMNS]);
        final float[] dl4j = net.output(matrix(x), false).data().asFloat();
        assertEquals(dl4j.length, ours.length);
        assertTrue(maxAbsDiff(ours, dl4j) <= 1e-5, "max difference " + maxAbsDiff(ours, dl4j));
        final double lossSum = step.lossSum(x, BATCH);
        final double dl4jLossSum = net.scoreExamples(new DataSet(matrix(x), matrix(x)), false).sumNumber()
            .doubleValue();
        assertEquals(dl4jLossSum, lossSum, 1e-5 * Math.max(1, Math.abs(dl4jLossSum)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void gradientAndScoreMatchDl4j(final AutoencoderSpec spec) {
        final MultiLayerNetwork net = network(spec);
        final MultiLayerNetwork reference = net.clone();
        final float[] x = batch(1);
        final float[] noisy = batch(2); // input differs from the target, as with input noise
        reference.setInput(matrix(noisy));
        reference.setLabels(matrix(x));
        reference.computeGradientAndScore();
        final float[] expected = reference.gradient().gradient().dup().data().asFloat();

        final double score = DenseStep.forNetwork(net).computeGradient(noisy, x, BATCH);
        final float[] actual = net.getGradientsViewArray().dup().data().asFloat();
        assertEquals(reference.score(), score, 1e-5 * Math.max(1, Math.abs(reference.score())));
        assertEquals(expected.length, actual.length);
        final double scale = Math.max(1e-3, maxAbs(expected));
        assertTrue(maxAbsDiff(actual, expected) <= 1e-4 * scale,
            "max difference " + maxAbsDiff(actual, expected) + " at gradient scale " + scale);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void updatesMatchDl4jFit(final AutoencoderSpec spec) {
        final MultiLayerNetwork net = network(spec);
        final MultiLayerNetwork reference = net.clone();
        final DenseStep step = DenseStep.forNetwork(net);
        for (int i = 0; i < 10; i++) {
            final float[] x = batch(i % (ROWS / BATCH));
            reference.fit(new DataSet(matrix(x), matrix(x)));
            final double score = step.fit(x, x, BATCH);
            assertEquals(reference.score(), score, 1e-5 * Math.max(1, Math.abs(reference.score())), "step " + i);
        }
        assertEquals(reference.getIterationCount(), net.getIterationCount());
        final float[] expected = reference.params().dup().data().asFloat();
        final float[] actual = net.params().dup().data().asFloat();
        assertTrue(maxAbsDiff(actual, expected) <= 1e-4, "max parameter difference " + maxAbsDiff(actual, expected));
        final float[] expectedState = reference.getUpdater().getStateViewArray() == null ? new float[0]
            : reference.getUpdater().getStateViewArray().dup().data().asFloat();
        final float[] actualState = net.getUpdater().getStateViewArray() == null ? new float[0]
            : net.getUpdater().getStateViewArray().dup().data().asFloat();
        assertTrue(maxAbsDiff(actualState, expectedState) <= 1e-4 * Math.max(1, maxAbs(expectedState)),
            "max updater state difference " + maxAbsDiff(actualState, expectedState));
    }

    @Test
    void aPartialLastBatchUsesItsOwnBuffers() {
        final AutoencoderSpec spec = specs().findFirst().orElseThrow();
        final MultiLayerNetwork net = network(spec);
        final MultiLayerNetwork reference = net.clone();
        final DenseStep step = DenseStep.forNetwork(net);
        final float[] full = batch(0);
        final float[] part = Arrays.copyOf(batch(1), 5 * COLUMNS);
        for (final float[] x : new float[][] {full, part, full, part}) {
            reference.fit(new DataSet(matrix(x), matrix(x)));
            step.fit(x, x, x.length / COLUMNS);
        }
        final float[] expected = reference.params().dup().data().asFloat();
        final float[] actual = net.params().dup().data().asFloat();
        assertTrue(maxAbsDiff(actual, expected) <= 1e-4, "max parameter difference " + maxAbsDiff(actual, expected));
    }

    @Test
    void adamAndTheMseLossRunInTheStepsOwnKernelsAndOtherOptimizersInDl4j() {
        final AutoencoderSpec spec = specs().findFirst().orElseThrow();
        final DenseStep adam = DenseStep.forNetwork(network(spec));
        adam.fit(batch(0), batch(0), BATCH);
        assertTrue(adam.updatesWithOwnAdam());
        final DenseStep rmsProp = DenseStep.forNetwork(network(spec.toBuilder().optimizer(OptimizerKind.RMSPROP)
            .build()));
        rmsProp.fit(batch(0), batch(0), BATCH);
        assertFalse(rmsProp.updatesWithOwnAdam());
    }

    /**
     * Rows wider than the kernels' chunk (2,500 and 2,100 floats) and a narrow bottleneck (many rows per
     * chunk), an odd batch size: the chunking of every kernel against DL4J's fit.
     */
    @Test
    void wideLayersAndOddBatchesMatchDl4jFit() {
        final int columns = FloatKernels.CHUNK + 452;
        final int rows = 7;
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(FloatKernels.CHUNK + 52, 5)
            .learningRate(0.001).seed(9).build();
        final MultiLayerNetwork net = AutoencoderNetwork.create(spec, columns, true);
        final MultiLayerNetwork reference = net.clone();
        final DenseStep step = DenseStep.forNetwork(net);
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 3; i++) {
            final float[] x = new float[rows * columns];
            for (int j = 0; j < x.length; j++) {
                x[j] = (float)random.nextDouble();
            }
            final INDArray m = Reconstructor.matrix(x, rows, columns);
            reference.fit(new DataSet(m, m));
            final double score = step.fit(x, x, rows);
            assertEquals(reference.score(), score, 1e-5 * Math.max(1, Math.abs(reference.score())), "step " + i);
        }
        final float[] expected = reference.params().dup().data().asFloat();
        final float[] actual = net.params().dup().data().asFloat();
        assertTrue(maxAbsDiff(actual, expected) <= 1e-4, "max parameter difference " + maxAbsDiff(actual, expected));
        final float[] probe = new float[rows * columns];
        Arrays.fill(probe, 0.5f);
        final float[] dl4j = reference.output(Reconstructor.matrix(probe, rows, columns), false).data().asFloat();
        assertTrue(maxAbsDiff(step.reconstruct(probe, rows, new float[probe.length]), dl4j) <= 1e-5);
    }

    @Test
    void reconstructingFewerRowsThanTheBuffersHoldGivesDl4jsOutput() {
        final AutoencoderSpec spec = specs().findFirst().orElseThrow();
        final MultiLayerNetwork net = network(spec);
        final DenseStep step = DenseStep.forNetwork(net);
        step.reconstruct(batch(0), BATCH, new float[BATCH * COLUMNS]); // buffers for BATCH rows
        for (final int rows : new int[] {BATCH - 1, 3, 1, BATCH}) {
            final float[] x = Arrays.copyOf(batch(1), rows * COLUMNS);
            final float[] dl4j = net.output(matrix(x), false).data().asFloat();
            final float[] ours = step.reconstruct(x, rows, new float[rows * COLUMNS]);
            assertTrue(maxAbsDiff(ours, dl4j) <= 1e-5, rows + " rows: max difference " + maxAbsDiff(ours, dl4j));
        }
    }

    @Test
    void smallMatrixProductsRunOnOneOpenBlasThread() {
        // the products of a 100-column network's training batch: one thread (two lose to the hand-off here)
        assertTrue(DenseStep.needsOneThread(256, 64, 100, 2));
        assertTrue(DenseStep.needsOneThread(256, 512, 32, 2));
        // the reference network's wide layers keep the setting; one thread needs no switch
        assertFalse(DenseStep.needsOneThread(256, 512, 784, 2));
        assertFalse(DenseStep.needsOneThread(256, 512, 128, 2));
        assertFalse(DenseStep.needsOneThread(256, 64, 100, 1));
        // m n k beyond int range
        assertFalse(DenseStep.needsOneThread(1 << 20, 1 << 12, 1 << 12, 2));
    }

    @Test
    void networksWithFeaturesItDoesNotImplementFallBackToDl4j() {
        final AutoencoderSpec spec = specs().findFirst().orElseThrow();
        assertNull(DenseStep.forNetwork(network(spec.toBuilder().dropout(0.2).build())));
        assertNull(DenseStep.forNetwork(network(spec.toBuilder().l2(1e-4).build())));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void networksWithTrainingOnlyFeaturesReconstructThroughAnInferenceStepAsDl4jDoes(final AutoencoderSpec spec) {
        final MultiLayerNetwork net = network(spec.toBuilder().dropout(0.3).l2(1e-3).build());
        final DenseStep step = DenseStep.forInference(net);
        assertNotNull(step);
        final float[] x = batch(0);
        final float[] dl4j = net.output(matrix(x), false).data().asFloat();
        final float[] ours = step.reconstruct(x, BATCH, new float[BATCH * COLUMNS]);
        assertTrue(maxAbsDiff(ours, dl4j) <= 1e-5, "max difference " + maxAbsDiff(ours, dl4j));
        // DL4J's own output in training mode drops units: the comparison above is not vacuous
        assertTrue(maxAbsDiff(ours, net.output(matrix(x), true).data().asFloat()) > 1e-3);
        assertThrows(IllegalStateException.class, () -> step.fit(x, x, BATCH));
    }

    private static double maxAbsDiff(final float[] a, final float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double)a[i] - b[i]));
        }
        return max;
    }

    private static double maxAbs(final float[] a) {
        double max = 0;
        for (final float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
