package org.aedetect.autoencoder.engine;

import java.util.Locale;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.StepFunction;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.deeplearning4j.optimize.stepfunctions.NegativeGradientStepFunction;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A training and inference step specialised for the networks {@link AutoencoderNetwork} builds
 * (dense layers, dense output layer, float32), working directly on the DL4J network's own parameter,
 * gradient and updater-state arrays, so that the model stays an ordinary {@link MultiLayerNetwork}
 * (same parameter layout, same serialization, training can continue with {@code fit}).
 *
 * <p>Why: DL4J's generic {@code fit(DataSet)} recomputes every layer's pre-activation during
 * backpropagation and the output layer's once more for the score, computes the input gradient of the
 * first layer that nobody needs, and allocates and validates arrays per layer and call. This step does
 * the forward pass once, keeps pre-activations and activations in buffers preallocated per batch size,
 * calls OpenBLAS {@code cblas_sgemm} directly for the matrix products (the same library and call ND4J's
 * own level-3 BLAS uses), and otherwise uses DL4J's own pieces: the layers' activation functions
 * (forward and backprop), the output layer's loss function (score and gradient), DL4J's updater (Adam,
 * RMSProp, Nesterov; division by the mini-batch size) and step function. DenseStepTest checks forward
 * pass, gradient, score and several updates against DL4J's own implementation.
 *
 * <p>Networks with anything else (dropout, weight noise, regularization, constraints, gradient
 * normalization, layer norm, layers without bias, other layer types or data types) are not supported:
 * {@link #forNetwork} returns null and callers use DL4J's generic path. Not thread-safe: one instance
 * per training thread; {@link #reconstruct} allocates its own buffers per call.
 */
final class DenseStep {

    /** System property: {@code dl4j} forces DL4J's generic {@code fit}/{@code output} (for comparison). */
    static final String TRAINER_PROPERTY = "aedetect.trainer";

    /**
     * Serialises this step's native work across threads. A full test run once crashed the JVM in
     * libnd4j ({@code TadDescriptor}, reached from the bias broadcast in {@link #linear}) while four
     * learners trained at once through this step; DL4J's own loop had passed the same concurrency
     * stress many times. The cause inside libnd4j is not understood, so concurrent trainings take turns
     * here: a node that crashes KNIME is far worse than two nodes that share the cores one after the
     * other (on small machines they compete for the same cores anyway).
     */
    private static final Object NATIVE_CALLS = new Object();

    private final MultiLayerNetwork network;

    private final int layers;

    private final int[] nIn;

    private final int[] nOut;

    private final INDArray[] weights;

    private final INDArray[] biases;

    private final INDArray[] weightGradients;

    private final INDArray[] biasGradients;

    private final IActivation[] activations;

    private final ILossFunction loss;

    /** The network's gradient view with per-layer entries; set up on the first training step. */
    private Gradient gradient;

    /** The flattened gradient view, shaped like {@code network.params()} for the step function. */
    private INDArray stepGradient;

    private final StepFunction stepFunction = new NegativeGradientStepFunction();

    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();

    private Buffers full;

    private Buffers partial;

    private DenseStep(final MultiLayerNetwork network) {
        this.network = network;
        layers = network.getnLayers();
        nIn = new int[layers];
        nOut = new int[layers];
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGradients = new INDArray[layers];
        biasGradients = new INDArray[layers];
        activations = new IActivation[layers];
        for (int l = 0; l < layers; l++) {
            final Layer layer = network.getLayer(l);
            final BaseLayer conf = (BaseLayer)layer.conf().getLayer();
            nIn[l] = Math.toIntExact(((org.deeplearning4j.nn.conf.layers.FeedForwardLayer)conf).getNIn());
            nOut[l] = Math.toIntExact(((org.deeplearning4j.nn.conf.layers.FeedForwardLayer)conf).getNOut());
            weights[l] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[l] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            activations[l] = conf.getActivationFn();
            requireLayout(weights[l], nIn[l], nOut[l]);
        }
        loss = ((OutputLayer)network.getLayer(layers - 1).conf().getLayer()).getLossFn();
    }

    /**
     * The step for {@code network}, or null if the network has a feature this step does not implement,
     * if ND4J runs on a GPU (this step calls the CPU's OpenBLAS on host memory), or if system property
     * {@value #TRAINER_PROPERTY} is {@code dl4j}.
     */
    static DenseStep forNetwork(final MultiLayerNetwork network) {
        if ("dl4j".equals(System.getProperty(TRAINER_PROPERTY, "").trim().toLowerCase(Locale.ROOT))
            || !Nd4j.getEnvironment().isCPU() || !supported(network)) {
            return null;
        }
        return new DenseStep(network);
    }

    private static boolean supported(final MultiLayerNetwork network) {
        final MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        if (network.getnLayers() < 1 || conf.getDataType() != DataType.FLOAT
            || conf.getBackpropType() != BackpropType.Standard
            || (conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty())
            || network.params().dataType() != DataType.FLOAT) {
            return false;
        }
        for (int l = 0; l < network.getnLayers(); l++) {
            final NeuralNetConfiguration layerConf = conf.getConf(l);
            final org.deeplearning4j.nn.conf.layers.Layer layer = layerConf.getLayer();
            final boolean last = l == network.getnLayers() - 1;
            if (last ? layer.getClass() != OutputLayer.class : layer.getClass() != DenseLayer.class) {
                return false;
            }
            final BaseLayer base = (BaseLayer)layer;
            if (base.getIDropout() != null || base.getWeightNoise() != null
                || (base.getRegularization() != null && !base.getRegularization().isEmpty())
                || (base.getRegularizationBias() != null && !base.getRegularizationBias().isEmpty())
                || (base.getConstraints() != null && !base.getConstraints().isEmpty())
                || (base.getGradientNormalization() != null
                    && base.getGradientNormalization() != GradientNormalization.None)
                || !layerConf.isMiniBatch() || layerConf.getStepFunction() != null) {
                return false;
            }
            if (layer instanceof DenseLayer dense && (dense.hasLayerNorm() || !dense.hasBias())) {
                return false;
            }
            if (layer instanceof OutputLayer output && !output.hasBias()) {
                return false;
            }
        }
        return true;
    }

    private static void requireLayout(final INDArray w, final int rows, final int columns) {
        if (w.rank() != 2 || w.size(0) != rows || w.size(1) != columns || w.ordering() != 'f'
            || w.stride(0) != 1 || w.stride(1) != rows || w.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("Unexpected DL4J weight layout " + w.shapeInfoToString());
        }
    }

    /**
     * One training iteration on the first {@code rows} rows of {@code input} with targets
     * {@code labels} (row-major, columns = network input width): forward pass, score, gradients into
     * the network's gradient view, DL4J updater, parameter step, iteration count.
     *
     * @return DL4J's score of the mini-batch (mean loss per row), before the update
     */
    double fit(final float[] input, final float[] labels, final int rows) {
        synchronized (NATIVE_CALLS) {
            final double score = computeGradient(input, labels, rows);
            final int iteration = BaseOptimizer.getIterationCount(network);
            final int epoch = BaseOptimizer.getEpochCount(network);
            network.getUpdater().update(network, gradient, iteration, epoch, rows, noWorkspaces);
            stepFunction.step(network.params(), stepGradient);
            BaseOptimizer.incrementIterationCount(network, 1);
            return score;
        }
    }

    /**
     * Forward and backward pass: fills the network's gradient view (not yet divided by the mini-batch
     * size, as in DL4J's {@code computeGradientAndScore}).
     *
     * @return the score of the mini-batch (mean loss per row)
     */
    double computeGradient(final float[] input, final float[] labels, final int rows) {
        synchronized (NATIVE_CALLS) {
            if (gradient == null) {
                initGradientViews();
            }
            final Buffers b = buffers(rows);
            put(input, b.input, rows * nIn[0]);
            put(labels, b.labels, rows * nOut[layers - 1]);
            INDArray in = b.input;
            for (int l = 0; l < layers; l++) {
                linear(in, l, b.z[l]);
                if (l < layers - 1) {
                    b.a[l].assign(b.z[l]);
                    final INDArray activated = activations[l].getActivation(b.a[l], true);
                    if (activated != b.a[l]) {
                        b.a[l].assign(activated);
                    }
                    in = b.a[l];
                }
            }
            final IActivation outputActivation = activations[layers - 1];
            final double score = loss.computeScore(b.labels, b.z[layers - 1], outputActivation, null, true);
            INDArray delta = loss.computeGradient(b.labels, b.z[layers - 1], outputActivation, null);
            for (int l = layers - 1; l >= 0; l--) {
                final INDArray plainDelta = plain(delta);
                if (plainDelta != delta && !b.owns(delta)) {
                    release(delta);
                }
                delta = plainDelta;
                final INDArray layerInput = l == 0 ? b.input : b.a[l - 1];
                delta.sum(biasGradients[l], 0);
                // weight gradient (f order nIn x nOut = row-major nOut x nIn) = delta^T . input
                sgemm(true, false, nOut[l], nIn[l], rows, delta, nOut[l], layerInput, nIn[l], weightGradients[l], nIn[l]);
                if (l > 0) {
                    // epsilon (rows x nIn) = delta . W^T; W in f order is row-major W^T (nOut x nIn)
                    sgemm(false, false, rows, nIn[l], nOut[l], delta, nOut[l], weights[l], nIn[l], b.epsilon[l], nIn[l]);
                    final INDArray next = activations[l - 1].backprop(b.z[l - 1], b.epsilon[l]).getFirst();
                    if (!b.owns(delta)) {
                        release(delta, next);
                    }
                    delta = next;
                }
            }
            if (!b.owns(delta)) {
                release(delta);
            }
            return score;
        }
    }

    /**
     * The sum over the first {@code rows} rows of {@code input} of the per-row loss of reconstructing
     * them, in inference mode: what DL4J's {@code scoreExamples(input, input, false)} sums to.
     */
    double lossSum(final float[] input, final int rows) {
        synchronized (NATIVE_CALLS) {
            final INDArray x = Nd4j.createUninitialized(DataType.FLOAT, rows, nIn[0]);
            put(input, x, rows * nIn[0]);
            final INDArray preOutput = forward(x, layers - 1);
            final INDArray perRow = loss.computeScoreArray(x, preOutput, activations[layers - 1], null);
            final double sum = perRow.sumNumber().doubleValue();
            release(perRow, x, preOutput);
            release(preOutput, x);
            release(x);
            return sum;
        }
    }

    /**
     * Inference forward pass of {@code x} through the first {@code untilLayer} layers (activations
     * applied), then the linear part of layer {@code untilLayer}: its pre-activation.
     */
    private INDArray forward(final INDArray x, final int untilLayer) {
        INDArray in = x;
        final int rows = Math.toIntExact(x.size(0));
        for (int l = 0; l <= untilLayer; l++) {
            final INDArray out = Nd4j.createUninitialized(DataType.FLOAT, rows, nOut[l]); // sgemm overwrites it
            linear(in, l, out);
            final INDArray next = l < untilLayer ? plain(activations[l].getActivation(out, false)) : out;
            release(out, next);
            release(in, x, next);
            in = next;
        }
        return in;
    }

    /** Points the per-layer gradient arrays at DL4J's flattened gradient view (created if needed). */
    private void initGradientViews() {
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        final Gradient g = new DefaultGradient(network.getGradientsViewArray());
        for (int l = 0; l < layers; l++) {
            final Layer layer = network.getLayer(l);
            final var views = DefaultParamInitializer.getInstance().getGradientsFromFlattened(layer.conf(),
                layer.getGradientsViewArray());
            weightGradients[l] = views.get(DefaultParamInitializer.WEIGHT_KEY);
            biasGradients[l] = views.get(DefaultParamInitializer.BIAS_KEY);
            requireLayout(weightGradients[l], nIn[l], nOut[l]);
            final String name = String.valueOf(l); // MultiLayerUpdater names layers by index, as fit() does
            g.setGradientFor(name + "_" + DefaultParamInitializer.WEIGHT_KEY, weightGradients[l]);
            g.setGradientFor(name + "_" + DefaultParamInitializer.BIAS_KEY, biasGradients[l]);
        }
        final INDArray params = network.params();
        final INDArray flat = network.getGradientsViewArray();
        stepGradient = java.util.Arrays.equals(flat.shape(), params.shape()) ? flat : flat.reshape(params.shape());
        if (stepGradient.data().addressPointer().address() != flat.data().addressPointer().address()) {
            throw new IllegalStateException("The reshaped gradient is not a view of DL4J's gradient array");
        }
        gradient = g;
    }

    /**
     * The network's output for the first {@code rows} rows of {@code input}, inference mode, written to
     * {@code into}; returns {@code into}.
     */
    float[] reconstruct(final float[] input, final int rows, final float[] into) {
        synchronized (NATIVE_CALLS) {
            final INDArray x = Nd4j.createUninitialized(DataType.FLOAT, rows, nIn[0]);
            put(input, x, rows * nIn[0]);
            final INDArray preOutput = forward(x, layers - 1);
            final INDArray output = plain(activations[layers - 1].getActivation(preOutput, false));
            new FloatPointer(output.data().addressPointer()).get(into, 0, rows * nOut[layers - 1]);
            release(output, x);
            release(preOutput, x, output);
            release(x);
            return into;
        }
    }

    /** out (rows x nOut, c order) = in (rows x nIn, c order) . W + b. */
    private void linear(final INDArray in, final int l, final INDArray out) {
        final int rows = Math.toIntExact(in.size(0));
        // W in f order (nIn x nOut) is row-major W^T (nOut x nIn): out = in . (W^T)^T
        sgemm(false, true, rows, nOut[l], nIn[l], in, nIn[l], weights[l], nIn[l], out, nOut[l]);
        out.addiRowVector(biases[l]);
    }

    /** C = op(A) . op(B), all row-major, on the arrays' own memory (no copies, no checks by ND4J). */
    private static void sgemm(final boolean transA, final boolean transB, final int m, final int n, final int k,
        final INDArray a, final int lda, final INDArray b, final int ldb, final INDArray c, final int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
            transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
            transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, 1f,
            (FloatPointer)a.data().addressPointer(), lda, (FloatPointer)b.data().addressPointer(), ldb, 0f,
            (FloatPointer)c.data().addressPointer(), ldc);
    }

    /**
     * Frees the off-heap memory of a temporary array now rather than when the garbage collector gets
     * to it, so that native memory stays flat over millions of rows; arrays in {@code keep} (the same
     * object) and views are left alone.
     */
    private static void release(final INDArray array, final INDArray... keep) {
        if (array == null) {
            return;
        }
        for (final INDArray k : keep) {
            if (k == array) {
                return;
            }
        }
        if (array.closeable()) {
            array.close();
        }
    }

    /** {@code x} itself if it is a dense c-order float matrix (what sgemm needs), else such a copy. */
    private static INDArray plain(final INDArray x) {
        return x.ordering() == 'c' && !x.isView() && x.dataType() == DataType.FLOAT ? x
            : x.castTo(DataType.FLOAT).dup('c');
    }

    private static void put(final float[] from, final INDArray to, final int length) {
        ((FloatPointer)to.data().addressPointer()).put(from, 0, length);
    }

    private Buffers buffers(final int rows) {
        if (full == null || full.rows < rows) {
            full = new Buffers(rows);
            return full;
        }
        if (full.rows == rows) {
            return full;
        }
        if (partial == null || partial.rows != rows) {
            partial = new Buffers(rows);
        }
        return partial;
    }

    /** Working arrays for one mini-batch size, c order, allocated once. */
    private final class Buffers {
        final int rows;

        final INDArray input;

        final INDArray labels;

        final INDArray[] z = new INDArray[layers];

        final INDArray[] a = new INDArray[layers];

        final INDArray[] epsilon = new INDArray[layers];

        /** Whether {@code array} is one of these buffers (which must not be released). */
        boolean owns(final INDArray array) {
            if (array == input || array == labels) {
                return true;
            }
            for (int l = 0; l < layers; l++) {
                if (array == z[l] || array == a[l] || array == epsilon[l]) {
                    return true;
                }
            }
            return false;
        }

        Buffers(final int rows) {
            this.rows = rows;
            input = Nd4j.create(DataType.FLOAT, rows, nIn[0]);
            labels = Nd4j.create(DataType.FLOAT, rows, nOut[layers - 1]);
            for (int l = 0; l < layers; l++) {
                z[l] = Nd4j.create(DataType.FLOAT, rows, nOut[l]);
                a[l] = l < layers - 1 ? Nd4j.create(DataType.FLOAT, rows, nOut[l]) : null;
                epsilon[l] = l > 0 ? Nd4j.create(DataType.FLOAT, rows, nIn[l]) : null;
            }
        }
    }

}
