package org.aedetect.autoencoder.engine;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.StepFunction;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.deeplearning4j.optimize.stepfunctions.NegativeGradientStepFunction;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.openblas.presets.openblas_nolapack.SetNumThreads;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A training and inference step specialised for the networks {@link AutoencoderNetwork} builds
 * (dense layers, dense output layer, float32), working directly on the DL4J network's own parameter,
 * gradient and updater-state arrays, so that the model stays an ordinary {@link MultiLayerNetwork}
 * (same parameter layout, same serialization, training can continue with {@code fit}).
 *
 * <p>Why: DL4J's generic {@code fit(DataSet)} recomputes every layer's pre-activation during
 * backpropagation and the output layer's once more for the score, computes the input gradient of the
 * first layer that nobody needs, and allocates and validates arrays per layer and call; and several of
 * ND4J's element-wise helpers it uses (Adam, activation derivatives, the loss functions) are slow on
 * this workload. This step does the forward pass once into buffers preallocated per batch size, calls
 * OpenBLAS {@code cblas_sgemm} directly for the matrix products (the same library and call ND4J's own
 * level-3 BLAS uses), and does the element-wise work in {@link FloatKernels}: bias and activation
 * (ReLU, leaky ReLU, sigmoid, identity; ND4J's ops for tanh and ELU), derivatives, the MSE
 * gradient, bias gradients and Adam, each one pass over the native memory. Other losses (MAE, binary
 * cross-entropy) use DL4J's loss functions and other optimizers DL4J's updater and step function.
 * DenseStepTest checks forward pass, gradient, score and several updates against DL4J's own
 * implementation for every activation, loss and optimizer the engine offers.
 *
 * <p>Networks with anything else (dropout, weight noise, regularization, constraints, gradient
 * normalization, layer norm, layers without bias, other layer types, activations or data types) are not
 * supported: {@link #forNetwork} returns null and callers use DL4J's generic path. For inference only,
 * {@link #forInference} also takes the features that act only in training (the first five). One instance per
 * network and thread of use; all native work of all instances is serialised (see {@link #NATIVE_CALLS}).
 */
final class DenseStep {

    /** System property: {@code dl4j} forces DL4J's generic {@code fit}/{@code output} (for comparison). */
    static final String TRAINER_PROPERTY = "aedetect.trainer";

    /**
     * Serialises this step's native work across threads. A full test run once crashed the JVM in
     * libnd4j ({@code TadDescriptor}, reached from an ND4J bias broadcast this step used then) while
     * four learners trained at once through this step; DL4J's own loop had passed the same concurrency
     * stress many times. The cause inside libnd4j is not understood, so concurrent trainings take turns
     * here: a node that crashes KNIME is far worse than two nodes that share the cores one after the
     * other (on small machines they compete for the same cores anyway). It also makes the shared
     * buffers of a step used for scoring from several threads safe.
     */
    private static final Object NATIVE_CALLS = new Object();

    /** Steps between {@link FloatKernels#flushTinyMoments} calls. */
    private static final int FLUSH_EVERY = 64;

    private final MultiLayerNetwork network;

    /** False for a step made by {@link #forInference}, which must not train. */
    private final boolean training;

    private final int layers;

    private final int[] nIn;

    private final int[] nOut;

    private final INDArray[] weights;

    private final INDArray[] biases;

    private final FloatBuffer[] biasViews;

    private final float[][] biasValues;

    private final IActivation[] activations;

    private final FloatKernels.Kind[] kinds;

    private final float[] alphas;

    private final ILossFunction loss;

    /** Whether the loss is DL4J's MSE, computed by {@link FloatKernels}. */
    private final boolean mse;

    private final FloatKernels kernels;

    /** See {@link #reconstructsInParallel()}; fixed by the network's activations. */
    private final boolean reconstructsInParallel;

    private final FloatBuffer[] biasGradientViews;

    /** The network's gradient view with per-layer entries; set up on the first training step. */
    private Gradient gradient;

    /** The flattened gradient view, shaped like {@code network.params()} for the step function. */
    private INDArray stepGradient;

    private INDArray[] weightGradientArrays;

    /** Adam on the updater blocks by {@link FloatKernels#adam}, or null: DL4J's updater. */
    private List<AdamBlock> adamBlocks;

    private FloatBuffer paramsView;

    private FloatBuffer gradientView;

    private final StepFunction stepFunction = new NegativeGradientStepFunction();

    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();

    private Buffers full;

    private Buffers partial;

    private DenseStep(final MultiLayerNetwork network, final boolean training) {
        this.network = network;
        this.training = training;
        layers = network.getnLayers();
        nIn = new int[layers];
        nOut = new int[layers];
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        biasViews = new FloatBuffer[layers];
        biasValues = new float[layers][];
        biasGradientViews = new FloatBuffer[layers];
        weightGradientArrays = new INDArray[layers];
        activations = new IActivation[layers];
        kinds = new FloatKernels.Kind[layers];
        alphas = new float[layers];
        int widest = 1;
        for (int l = 0; l < layers; l++) {
            final Layer layer = network.getLayer(l);
            final BaseLayer conf = (BaseLayer)layer.conf().getLayer();
            nIn[l] = Math.toIntExact(((FeedForwardLayer)conf).getNIn());
            nOut[l] = Math.toIntExact(((FeedForwardLayer)conf).getNOut());
            weights[l] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[l] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            biasViews[l] = FloatKernels.view(biases[l]);
            biasValues[l] = new float[nOut[l]];
            activations[l] = conf.getActivationFn();
            kinds[l] = FloatKernels.Kind.of(activations[l]);
            alphas[l] = FloatKernels.Kind.alpha(activations[l]);
            requireLayout(weights[l], nIn[l], nOut[l]);
            widest = Math.max(widest, Math.max(nIn[l], nOut[l]));
        }
        loss = ((OutputLayer)network.getLayer(layers - 1).conf().getLayer()).getLossFn();
        mse = loss.getClass() == LossMSE.class && ((LossMSE)loss).getWeights() == null;
        kernels = new FloatKernels(widest);
        // the parts of an inParallel section need single-threaded matrix products and no ND4J ops
        reconstructsInParallel = SET_BLAS_THREADS != null
            && java.util.Arrays.stream(kinds).allMatch(FloatKernels.Kind::computedHere);
    }

    /**
     * The step for {@code network}, or null if the network has a feature this step does not implement,
     * if ND4J runs on a GPU (this step calls the CPU's OpenBLAS on host memory), or if system property
     * {@value #TRAINER_PROPERTY} is {@code dl4j}.
     */
    static DenseStep forNetwork(final MultiLayerNetwork network) {
        return create(network, true);
    }

    /**
     * A step that only reconstructs ({@link #reconstruct}; {@link #fit} and {@link #computeGradient} refuse),
     * or null as for {@link #forNetwork}. It also takes networks with features that only act in training:
     * dropout (DL4J's is inverted dropout, nothing at inference), weight noise, regularization, constraints and
     * gradient normalization.
     */
    static DenseStep forInference(final MultiLayerNetwork network) {
        return create(network, false);
    }

    private static DenseStep create(final MultiLayerNetwork network, final boolean training) {
        if ("dl4j".equals(System.getProperty(TRAINER_PROPERTY, "").trim().toLowerCase(Locale.ROOT))
            || !Nd4j.getEnvironment().isCPU() || !supported(network, training)) {
            return null;
        }
        return new DenseStep(network, training);
    }

    private static boolean supported(final MultiLayerNetwork network, final boolean training) {
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
            if (FloatKernels.Kind.of(base.getActivationFn()) == null) {
                return false;
            }
            if (training && (base.getIDropout() != null || base.getWeightNoise() != null
                || (base.getRegularization() != null && !base.getRegularization().isEmpty())
                || (base.getRegularizationBias() != null && !base.getRegularizationBias().isEmpty())
                || (base.getConstraints() != null && !base.getConstraints().isEmpty())
                || (base.getGradientNormalization() != null
                    && base.getGradientNormalization() != GradientNormalization.None)
                || !layerConf.isMiniBatch() || layerConf.getStepFunction() != null)) {
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
     * {@code labels} (row-major, columns = network input width; may be the same array): forward pass,
     * score, gradients into the network's gradient view, update (Adam here, other optimizers through
     * DL4J's updater and step function), iteration count.
     *
     * @return DL4J's score of the mini-batch (mean loss per row), before the update
     */
    double fit(final float[] input, final float[] labels, final int rows) {
        refuseInSectionPart("fit");
        synchronized (NATIVE_CALLS) {
            final double score = computeGradient(input, labels, rows);
            final int iteration = BaseOptimizer.getIterationCount(network);
            final int epoch = BaseOptimizer.getEpochCount(network);
            if (adamBlocks != null) {
                for (final AdamBlock block : adamBlocks) {
                    block.apply(iteration, epoch, rows);
                }
            } else {
                network.getUpdater().update(network, gradient, iteration, epoch, rows, noWorkspaces);
                stepFunction.step(network.params(), stepGradient);
            }
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
        if (!training) {
            throw new IllegalStateException("This step was made for inference only: the network has features that "
                + "act in training, which it does not implement");
        }
        refuseInSectionPart("computeGradient");
        synchronized (NATIVE_CALLS) {
            if (gradient == null) {
                initGradientViews();
            }
            final Buffers b = buffers(rows).forTraining();
            final int last = layers - 1;
            b.inputView.put(0, input, 0, rows * nIn[0]);
            final FloatBuffer labelView;
            final INDArray labelArray;
            if (labels == input) {
                labelView = b.inputView;
                labelArray = b.input;
            } else {
                labelView = b.labelView();
                labelView.put(0, labels, 0, rows * nOut[last]);
                labelArray = b.labels;
            }
            forward(b, rows, mse);
            final double score;
            if (mse) {
                final double sum = kernels.squaredErrorGradient(b.outView, labelView, b.deltaView,
                    rows * nOut[last], nOut[last]);
                kernels.derivative(b.deltaView, b.outView, rows * nOut[last], kinds[last], alphas[last]);
                score = sum / nOut[last] / rows;
            } else {
                score = loss.computeScore(labelArray, b.z, activations[last], null, true);
                final INDArray delta = loss.computeGradient(labelArray, b.z, activations[last], null);
                b.delta.assign(delta);
                release(delta, b.z, b.delta);
            }
            INDArray delta = b.delta;
            FloatBuffer deltaView = b.deltaView;
            for (int l = last; l >= 0; l--) {
                final INDArray layerInput = l == 0 ? b.input : b.a[l - 1];
                kernels.columnSums(deltaView, rows, nOut[l], biasGradientViews[l]);
                // weight gradient (f order nIn x nOut = row-major nOut x nIn) = delta^T . input
                sgemm(true, false, nOut[l], nIn[l], rows, delta, nOut[l], layerInput, nIn[l],
                    weightGradientArrays[l], nIn[l]);
                if (l > 0) {
                    // epsilon (rows x nIn) = delta . W^T; W in f order is row-major W^T (nOut x nIn)
                    sgemm(false, false, rows, nIn[l], nOut[l], delta, nOut[l], weights[l], nIn[l], b.epsilon[l],
                        nIn[l]);
                    kernels.derivative(b.epsilonView[l], b.aView[l - 1], rows * nIn[l], kinds[l - 1],
                        alphas[l - 1]);
                    delta = b.epsilon[l];
                    deltaView = b.epsilonView[l];
                }
            }
            return score;
        }
    }

    /**
     * Forward pass of the rows in {@code b.input}: hidden activations into {@code b.a}, the output
     * layer's pre-activation into {@code b.z} and, if {@code output}, its activation into {@code b.out}.
     */
    private void forward(final Buffers b, final int rows, final boolean output) {
        forwardHidden(b, rows);
        outputProduct(b, rows);
        final int last = layers - 1;
        kernels.biasActivation(b.zView, rows, nOut[last], biasValues[last], FloatKernels.Kind.IDENTITY, 0f);
        if (output) {
            b.withOutput();
            activate(b.z, b.out, b.zView, b.outView, rows, last);
        }
    }

    /** The hidden layers' part of the forward pass: their activations into {@code b.a}. */
    private void forwardHidden(final Buffers b, final int rows) {
        INDArray in = b.input;
        for (int l = 0; l < layers - 1; l++) {
            // W in f order (nIn x nOut) is row-major W^T (nOut x nIn): a = in . (W^T)^T
            sgemm(false, true, rows, nOut[l], nIn[l], in, nIn[l], weights[l], nIn[l], b.a[l], nOut[l]);
            biasViews[l].get(0, biasValues[l], 0, nOut[l]);
            kernels.biasActivation(b.aView[l], rows, nOut[l], biasValues[l], kinds[l], alphas[l]);
            if (!kinds[l].computedHere()) {
                apply(activations[l], b.a[l]);
            }
            in = b.a[l];
        }
    }

    /** The output layer's product into {@code b.z} (its bias not yet added) and its bias into {@code biasValues}. */
    private void outputProduct(final Buffers b, final int rows) {
        final int last = layers - 1;
        final INDArray in = last == 0 ? b.input : b.a[last - 1];
        sgemm(false, true, rows, nOut[last], nIn[last], in, nIn[last], weights[last], nIn[last], b.z, nOut[last]);
        biasViews[last].get(0, biasValues[last], 0, nOut[last]);
    }

    /** {@code out} = the output activation of {@code z} ({@code out} is {@code z} for the identity). */
    private void activate(final INDArray z, final INDArray out, final FloatBuffer zView, final FloatBuffer outView,
        final int rows, final int l) {
        if (kinds[l] == FloatKernels.Kind.IDENTITY) {
            return;
        }
        if (kinds[l] == FloatKernels.Kind.SIGMOID) {
            kernels.sigmoid(zView, outView, rows * nOut[l]);
            return;
        }
        out.assign(z);
        if (kinds[l].computedHere()) {
            // a ReLU or leaky ReLU output layer (the engine builds none): the kernel with a zero bias
            kernels.biasActivation(outView, rows, nOut[l], new float[nOut[l]], kinds[l], alphas[l]);
        } else {
            apply(activations[l], out);
        }
    }

    /** ND4J's in-place activation of {@code x} (tanh and ELU). */
    private static void apply(final IActivation activation, final INDArray x) {
        final INDArray activated = activation.getActivation(x, true);
        if (activated != x) {
            x.assign(activated);
            release(activated, x);
        }
    }

    /**
     * The sum over the first {@code rows} rows of {@code input} of the per-row loss of reconstructing
     * them, in inference mode: what DL4J's {@code scoreExamples(input, input, false)} sums to.
     */
    double lossSum(final float[] input, final int rows) {
        refuseInSectionPart("lossSum");
        synchronized (NATIVE_CALLS) {
            final Buffers b = buffers(rows);
            final int last = layers - 1;
            b.inputView.put(0, input, 0, rows * nIn[0]);
            if (mse) {
                forward(b, rows, true);
                return kernels.squaredError(b.outView, b.inputView, rows * nOut[last]) / nOut[last];
            }
            forward(b, rows, false);
            final INDArray perRow = loss.computeScoreArray(b.input, b.z, activations[last], null);
            final double sum = perRow.sumNumber().doubleValue();
            release(perRow, b.input, b.z);
            return sum;
        }
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
            weightGradientArrays[l] = views.get(DefaultParamInitializer.WEIGHT_KEY);
            final INDArray biasGradient = views.get(DefaultParamInitializer.BIAS_KEY);
            biasGradientViews[l] = FloatKernels.view(biasGradient);
            requireLayout(weightGradientArrays[l], nIn[l], nOut[l]);
            final String name = String.valueOf(l); // MultiLayerUpdater names layers by index, as fit() does
            g.setGradientFor(name + "_" + DefaultParamInitializer.WEIGHT_KEY, weightGradientArrays[l]);
            g.setGradientFor(name + "_" + DefaultParamInitializer.BIAS_KEY, biasGradient);
        }
        final INDArray params = network.params();
        final INDArray flat = network.getGradientsViewArray();
        stepGradient = java.util.Arrays.equals(flat.shape(), params.shape()) ? flat : flat.reshape(params.shape());
        if (stepGradient.data().addressPointer().address() != flat.data().addressPointer().address()) {
            throw new IllegalStateException("The reshaped gradient is not a view of DL4J's gradient array");
        }
        paramsView = FloatKernels.view(params);
        gradientView = FloatKernels.view(flat);
        adamBlocks = adamBlocks();
        gradient = g;
    }

    /**
     * The updater blocks as {@link AdamBlock}s if every block is plain Adam on parameters that DL4J divides
     * by the mini-batch size; else null (DL4J's updater does the update).
     */
    private List<AdamBlock> adamBlocks() {
        if (!(network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)) {
            return null;
        }
        final List<AdamBlock> blocks = new ArrayList<>();
        for (final UpdaterBlock block : updater.getUpdaterBlocks()) {
            if (!(block.getGradientUpdater() instanceof AdamUpdater adam) || adam.getM() == null
                || adam.getV() == null) {
                return null;
            }
            for (final UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
                if (!p.getLayer().updaterDivideByMinibatch(p.getParamName())) {
                    return null;
                }
            }
            final int length = block.getParamOffsetEnd() - block.getParamOffsetStart();
            if (adam.getM().length() != length || adam.getV().length() != length) {
                return null;
            }
            blocks.add(new AdamBlock(adam, block.getParamOffsetStart(), length));
        }
        return blocks;
    }

    /** Adam on one updater block: DL4J's configuration and state, this class's kernel. */
    private final class AdamBlock {
        private final AdamUpdater updater;

        private final int offset;

        private final int length;

        private final FloatBuffer m;

        private final FloatBuffer v;

        AdamBlock(final AdamUpdater updater, final int offset, final int length) {
            this.updater = updater;
            this.offset = offset;
            this.length = length;
            m = FloatKernels.view(updater.getM());
            v = FloatKernels.view(updater.getV());
        }

        void apply(final int iteration, final int epoch, final int batchSize) {
            final Adam config = updater.getConfig();
            kernels.adam(paramsView, gradientView, offset, length, m, v, new FloatKernels.AdamStep(
                config.getLearningRate(iteration, epoch), config.getBeta1(), config.getBeta2(), config.getEpsilon(),
                iteration, batchSize));
            if (iteration % FLUSH_EVERY == FLUSH_EVERY - 1) {
                kernels.flushTinyMoments(m, length);
                kernels.flushTinyMoments(v, length);
            }
        }
    }

    /** Whether updates go through this class's Adam kernel (else DL4J's updater); for tests. */
    boolean updatesWithOwnAdam() {
        return adamBlocks != null;
    }

    /**
     * The network's output for the first {@code rows} rows of {@code input}, inference mode, written to
     * {@code into}; returns {@code into}.
     */
    float[] reconstruct(final float[] input, final int rows, final float[] into) {
        if (ScoringThreads.isWorker()) {
            // a part of an inParallel section, whose caller holds NATIVE_CALLS for all its parts
            return reconstructHoldingLock(input, rows, into);
        }
        synchronized (NATIVE_CALLS) {
            return reconstructHoldingLock(input, rows, into);
        }
    }

    private float[] reconstructHoldingLock(final float[] input, final int rows, final float[] into) {
        final Buffers b = scoringBuffers(rows);
        b.inputView.put(0, input, 0, rows * nIn[0]);
        final int last = layers - 1;
        if (kinds[last] == FloatKernels.Kind.IDENTITY || kinds[last] == FloatKernels.Kind.SIGMOID) {
            // the output layer's bias and activation go straight into the caller's array
            forwardHidden(b, rows);
            outputProduct(b, rows);
            kernels.biasActivationInto(b.zView, rows, nOut[last], biasValues[last], kinds[last], into);
            return into;
        }
        forward(b, rows, true);
        b.outView.get(0, into, 0, rows * nOut[last]);
        return into;
    }

    /**
     * Buffers for a forward pass of {@code rows} rows. The forward pass touches only the first rows of its
     * buffers, so larger ones serve: scoring batches shrink by every row with a missing value, and new buffers
     * per size would be native-memory churn.
     */
    private Buffers scoringBuffers(final int rows) {
        return full != null && full.rows >= rows ? full : buffers(rows);
    }

    /**
     * Frees the native memory of this step's buffers now (they are allocated again when needed); for a step
     * nobody uses at the moment.
     */
    void releaseBuffers() {
        refuseInSectionPart("releaseBuffers");
        synchronized (NATIVE_CALLS) {
            for (final Buffers b : new Buffers[] {full, partial}) {
                if (b != null) {
                    b.close();
                }
            }
            full = null;
            partial = null;
        }
    }

    /**
     * Whether {@link #reconstruct} may run in a part of {@link #inParallel}: its forward pass calls nothing of
     * ND4J's (every activation is one of {@link FloatKernels}'s), only OpenBLAS and Java code on this step's
     * own buffers.
     */
    boolean reconstructsInParallel() {
        return reconstructsInParallel;
    }

    /**
     * Allocates the buffers for reconstructing up to {@code rows} rows now, on the calling thread (so that
     * the parts of {@link #inParallel} do not allocate native memory through ND4J).
     */
    void reserve(final int rows) {
        refuseInSectionPart("reserve");
        synchronized (NATIVE_CALLS) {
            scoringBuffers(rows);
        }
    }

    /**
     * Throws if the calling thread runs a part of an {@link #inParallel} section, whose caller holds
     * {@link #NATIVE_CALLS} while it waits for the part: taking the lock there would wait forever.
     */
    private static void refuseInSectionPart(final String what) {
        if (ScoringThreads.isWorker()) {
            throw new IllegalStateException(what + " needs the native-call lock, which the section it runs in holds");
        }
    }

    /**
     * Runs {@code part} for 0, ..., {@code parts - 1} at once (see {@link ScoringThreads}), each part with its
     * own step (see {@link #reconstructsInParallel}), holding {@link #NATIVE_CALLS} for all of them and with
     * OpenBLAS single-threaded meanwhile: the parts are the threads. Why: a scoring batch does about as much
     * work in Java (checking and normalizing the rows, the output activation, the errors) as in its matrix
     * products, and while one thread does that work, OpenBLAS's other threads wait; parts that each do
     * everything for their own rows keep every core busy throughout. Single-threaded matrix products give the
     * same results whichever thread runs them, so results depend only on the number of parts.
     */
    static void inParallel(final int parts, final IntConsumer part) {
        refuseInSectionPart("inParallel");
        synchronized (NATIVE_CALLS) {
            final int blasThreads = Nd4j.factory().blas().getMaxThreads();
            setBlasThreads(1);
            inSection = true;
            try {
                ScoringThreads.run(parts, part);
            } finally {
                inSection = false;
                setBlasThreads(blasThreads);
            }
        }
    }

    /**
     * Runs native work of DL4J's own (its generic {@code fit}, {@code score} and {@code output}, for networks
     * this step does not train or reconstruct) holding {@link #NATIVE_CALLS}, so that it never runs while an
     * {@link #inParallel} section has OpenBLAS on one thread: its matrix products would then take another
     * thread count than the setting, and their results could change in the last bits with whatever else
     * KNIME runs at the same time.
     */
    static <T> T exclusively(final Supplier<T> work) {
        refuseInSectionPart("DL4J's own native work");
        synchronized (NATIVE_CALLS) {
            return work.get();
        }
    }

    /**
     * OpenBLAS's openblas_set_num_threads, looked up once; null if the library has none (then scoring does not
     * split and small products do not switch threads). ND4J's {@code setMaxThreads} goes through JavaCPP's
     * {@code blas_set_num_threads}, which looks up four symbols by name on every call: 0.3-0.8 ms per change
     * measured here, longer than scoring a 1,024-row batch of a 100-column network takes.
     */
    private static final SetNumThreads SET_BLAS_THREADS;

    static {
        final Pointer address = Loader.addressof("openblas_set_num_threads");
        SET_BLAS_THREADS = address == null || address.isNull() ? null : new BlasThreadSetter().put(address);
    }

    /** JavaCPP's function pointer type for {@code void (int)}, allocated as its presets do before {@code put}. */
    private static final class BlasThreadSetter extends SetNumThreads {
        BlasThreadSetter() {
            super();
        }
    }

    /**
     * Sets OpenBLAS's thread count without changing what ND4J's {@code getMaxThreads} reports (which stays the
     * setting that decides how work is split, so that the split does not depend on what runs meanwhile). Only
     * where {@link #SET_BLAS_THREADS} was found; without it nothing switches threads (see its users).
     */
    private static void setBlasThreads(final int threads) {
        if (SET_BLAS_THREADS != null) {
            SET_BLAS_THREADS.call(threads);
        }
    }

    /** C = op(A) . op(B), all row-major, on the arrays' own memory (no copies, no checks by ND4J). */
    private static void sgemm(final boolean transA, final boolean transB, final int m, final int n, final int k,
        final INDArray a, final int lda, final INDArray b, final int ldb, final INDArray c, final int ldc) {
        // callers hold NATIVE_CALLS; inside an inParallel section OpenBLAS is on one thread already, and the
        // section's parts must not change that
        final int blasThreads = inSection ? 1 : Nd4j.factory().blas().getMaxThreads();
        final boolean oneThread = needsOneThread(m, n, k, blasThreads);
        if (oneThread) {
            setBlasThreads(1);
        }
        try {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, 1f,
                (FloatPointer)a.data().addressPointer(), lda, (FloatPointer)b.data().addressPointer(), ldb, 0f,
                (FloatPointer)c.data().addressPointer(), ldc);
        } finally {
            if (oneThread) {
                setBlasThreads(blasThreads);
            }
        }
    }

    /**
     * Matrix products with fewer multiply-adds (m n k) run on one OpenBLAS thread whatever the setting. Measured
     * here (2 cores, OpenBLAS 0.3.19): two threads gain nothing below about 16 M multiply-adds and lose up to 40%
     * to the hand-off on the products of networks of a few dozen to a hundred columns (256 x 64 x 100: 33 us on
     * one thread, 47 on two), while from about 100 M on they are twice as fast. Training the node benchmark's
     * 100-column network went from 0.39 to 0.33 s. A fixed rule, so results stay the same for a given setting.
     */
    static final long SMALL_PRODUCT = 1L << 23;

    /**
     * Whether a product of an m x k and a k x n matrix must be switched to one OpenBLAS thread, OpenBLAS being on
     * {@code blasThreads} threads.
     */
    static boolean needsOneThread(final int m, final int n, final int k, final int blasThreads) {
        return blasThreads > 1 && (long)m * n * k < SMALL_PRODUCT && SET_BLAS_THREADS != null;
    }

    /** Whether an {@link #inParallel} section runs; guarded by {@link #NATIVE_CALLS}. */
    private static boolean inSection;

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

    private Buffers buffers(final int rows) {
        if (full == null || full.rows < rows) {
            full = replace(full, rows);
            return full;
        }
        if (full.rows == rows) {
            return full;
        }
        if (partial == null || partial.rows != rows) {
            partial = replace(partial, rows);
        }
        return partial;
    }

    /** New buffers for {@code rows} rows; the native memory of {@code old} is freed now, not by the collector. */
    private Buffers replace(final Buffers old, final int rows) {
        final Buffers fresh = new Buffers(rows);
        if (old != null) {
            old.close();
        }
        return fresh;
    }

    /** Working arrays for one mini-batch size, c order, allocated once, with views of their memory. */
    private final class Buffers {
        final int rows;

        final INDArray input;

        final FloatBuffer inputView;

        /** Targets when they differ from the input; created on first use. */
        INDArray labels;

        private FloatBuffer labelView;

        /** Hidden activations. */
        final INDArray[] a = new INDArray[layers];

        final FloatBuffer[] aView = new FloatBuffer[layers];

        /** The output layer's pre-activation. */
        final INDArray z;

        final FloatBuffer zView;

        /**
         * The output layer's activation ({@link #z} itself for the identity). Null until {@link #withOutput()} for
         * a sigmoid output in a step that only reconstructs: its activation goes from {@link #z} straight to the
         * caller ({@link FloatKernels#biasActivationInto}), so it needs no array of its own (3.2 MB for 1,024 rows of
         * 784 columns, per scoring thread).
         */
        INDArray out;

        FloatBuffer outView;

        /** The loss gradient with respect to the output layer's pre-activation; training only. */
        INDArray delta;

        FloatBuffer deltaView;

        /**
         * Gradients with respect to each layer's input, then to the previous layer's pre-activation; training
         * only.
         */
        final INDArray[] epsilon = new INDArray[layers];

        final FloatBuffer[] epsilonView = new FloatBuffer[layers];

        Buffers(final int rows) {
            this.rows = rows;
            final int last = layers - 1;
            input = Nd4j.create(DataType.FLOAT, rows, nIn[0]);
            inputView = FloatKernels.view(input);
            for (int l = 0; l < last; l++) {
                a[l] = Nd4j.create(DataType.FLOAT, rows, nOut[l]);
                aView[l] = FloatKernels.view(a[l]);
            }
            z = Nd4j.create(DataType.FLOAT, rows, nOut[last]);
            zView = FloatKernels.view(z);
            if (kinds[last] == FloatKernels.Kind.IDENTITY) {
                out = z;
                outView = zView;
            } else if (training || kinds[last] != FloatKernels.Kind.SIGMOID) {
                // only a sigmoid output goes straight to the caller; others would otherwise be created in a part
                withOutput();
            }
        }

        /** Creates {@link #out} if it is not there yet. */
        void withOutput() {
            if (out == null) {
                out = Nd4j.create(DataType.FLOAT, rows, nOut[layers - 1]);
                outView = FloatKernels.view(out);
            }
        }

        /** Creates the arrays only training needs (scoring steps do without them); returns this. */
        Buffers forTraining() {
            if (delta == null) {
                delta = Nd4j.create(DataType.FLOAT, rows, nOut[layers - 1]);
                deltaView = FloatKernels.view(delta);
                for (int l = 1; l < layers; l++) {
                    epsilon[l] = Nd4j.create(DataType.FLOAT, rows, nIn[l]);
                    epsilonView[l] = FloatKernels.view(epsilon[l]);
                }
            }
            return this;
        }

        /** Frees the arrays' native memory; the buffers must not be used afterwards. */
        void close() {
            release(input);
            release(z);
            for (int l = 0; l < layers - 1; l++) {
                release(a[l]);
            }
            release(out, z);
            // null (released as nothing) unless the buffers served training
            release(delta);
            for (int l = 1; l < layers; l++) {
                release(epsilon[l]);
            }
            release(labels);
        }

        FloatBuffer labelView() {
            if (labels == null) {
                labels = Nd4j.create(DataType.FLOAT, rows, nOut[layers - 1]);
                labelView = FloatKernels.view(labels);
            }
            return labelView;
        }
    }
}
