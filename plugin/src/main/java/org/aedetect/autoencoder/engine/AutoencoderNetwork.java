package org.aedetect.autoencoder.engine;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the DL4J network of a spec: dense encoder layers down to the bottleneck, the mirrored decoder,
 * and a dense output layer with one unit per column, in float32. Only this class and the trainer and
 * model know DL4J configuration types.
 */
final class AutoencoderNetwork {

    /** Momentum of {@link OptimizerKind#SGD_NESTEROV}. */
    static final double NESTEROV_MOMENTUM = 0.9;

    private AutoencoderNetwork() {
    }

    /**
     * A freshly initialised network (weights seeded from the spec).
     *
     * @param spec settings; its hidden layers must already be resolved
     * @param columns input and output width
     * @param sigmoidOutput true for a sigmoid output layer, false for a linear one
     */
    static MultiLayerNetwork create(final AutoencoderSpec spec, final int columns, final boolean sigmoidOutput) {
        final int[] encoder = spec.hiddenLayers();
        final Activation hidden = activation(spec.hiddenActivation());
        final NeuralNetConfiguration.Builder config = new NeuralNetConfiguration.Builder()
            .seed(spec.seed())
            .dataType(DataType.FLOAT)
            .updater(updater(spec))
            .weightInit(weightInit(spec.hiddenActivation()));
        if (spec.l2() > 0) {
            config.l2(spec.l2());
        }
        final ListBuilder layers = config.list();
        int previous = columns;
        for (int i = 0; i < 2 * encoder.length - 1; i++) {
            final int size = i < encoder.length ? encoder[i] : encoder[2 * encoder.length - 2 - i];
            final DenseLayer.Builder dense = new DenseLayer.Builder().nIn(previous).nOut(size).activation(hidden);
            if (spec.dropout() > 0 && i > 0) {
                // DL4J takes the probability to keep; the first layer sees the raw input, which noise handles
                dense.dropOut(1 - spec.dropout());
            }
            layers.layer(dense.build());
            previous = size;
        }
        final OutputLayer.Builder output = new OutputLayer.Builder(lossFunction(spec.loss())).nIn(previous)
            .nOut(columns).activation(sigmoidOutput ? Activation.SIGMOID : Activation.IDENTITY)
            .weightInit(WeightInit.XAVIER);
        if (spec.dropout() > 0) {
            output.dropOut(1 - spec.dropout());
        }
        layers.layer(output.build());
        final MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();
        return net;
    }

    private static IUpdater updater(final AutoencoderSpec spec) {
        return switch (spec.optimizer()) {
            case ADAM -> new Adam(spec.learningRate());
            case RMSPROP -> new RmsProp(spec.learningRate());
            case SGD_NESTEROV -> new Nesterovs(spec.learningRate(), NESTEROV_MOMENTUM);
        };
    }

    private static Activation activation(final HiddenActivation activation) {
        return switch (activation) {
            case RELU -> Activation.RELU;
            case LEAKY_RELU -> Activation.LEAKYRELU;
            case ELU -> Activation.ELU;
            case TANH -> Activation.TANH;
            case SIGMOID -> Activation.SIGMOID;
        };
    }

    /** He initialisation for the ReLU family, Xavier for the saturating activations. */
    private static WeightInit weightInit(final HiddenActivation activation) {
        return switch (activation) {
            case RELU, LEAKY_RELU, ELU -> WeightInit.RELU;
            case TANH, SIGMOID -> WeightInit.XAVIER;
        };
    }

    private static LossFunction lossFunction(final LossKind loss) {
        return switch (loss) {
            case MSE -> LossFunction.MSE;
            case MAE -> LossFunction.MEAN_ABSOLUTE_ERROR;
            case BINARY_CROSS_ENTROPY -> LossFunction.XENT;
        };
    }
}
