package org.aedetect.autoencoder.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.HiddenActivation;
import org.aedetect.autoencoder.engine.LossKind;
import org.aedetect.autoencoder.engine.MissingValuePolicy;
import org.aedetect.autoencoder.engine.NormalizationKind;
import org.aedetect.autoencoder.engine.OptimizerKind;
import org.aedetect.autoencoder.engine.OutputActivation;

import picocli.CommandLine.Option;

/** The Autoencoder Learner's options, named and defaulted as in the node dialog. */
final class LearnerOptions {

    private static final AutoencoderSpec DEFAULTS = AutoencoderSpec.defaults();

    @Option(names = "--hidden-layers", paramLabel = "SIZES", description = {"The encoder's layer sizes from the "
        + "input side to the bottleneck, separated by commas (e.g. 32,8); the decoder mirrors them. 'auto' picks two "
        + "layers: 3/4 of the number of columns (2 to 256 units) and a bottleneck of 1/4 of the columns (1 to 64 "
        + "units). Default: ${DEFAULT-VALUE}."})
    String hiddenLayers = "auto";

    @Option(names = "--hidden-activation", paramLabel = "NAME",
        description = "Activation of the hidden layers: relu (default), leaky-relu, elu, tanh or sigmoid.")
    HiddenActivation hiddenActivation = DEFAULTS.hiddenActivation();

    @Option(names = "--output-activation", paramLabel = "NAME", description = "Activation of the reconstruction "
        + "layer: auto (default; sigmoid when the normalized data lies within [0, 1], linear otherwise), linear or "
        + "sigmoid.")
    OutputActivation outputActivation = DEFAULTS.outputActivation();

    @Option(names = "--dropout", paramLabel = "FRACTION",
        description = "Fraction of hidden units dropped during training (0 = off). Default: ${DEFAULT-VALUE}.")
    double dropout = DEFAULTS.dropout();

    @Option(names = "--l2", paramLabel = "WEIGHT",
        description = "Weight of the L2 penalty on the weights (0 = off). Default: ${DEFAULT-VALUE}.")
    double l2 = DEFAULTS.l2();

    @Option(names = "--loss", paramLabel = "NAME", description = "What training minimises: mse (default), mae, or "
        + "binary-cross-entropy (needs data within [0, 1], i.e. min-max normalization, and a sigmoid or auto output).")
    LossKind loss = DEFAULTS.loss();

    @Option(names = "--optimizer", paramLabel = "NAME",
        description = "adam (default), rmsprop, or sgd-nesterov (SGD with Nesterov momentum 0.9).")
    OptimizerKind optimizer = DEFAULTS.optimizer();

    @Option(names = "--learning-rate", paramLabel = "RATE",
        description = "Step size of the optimizer. Default: ${DEFAULT-VALUE}.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--epochs", paramLabel = "N",
        description = "Maximum number of passes over the training rows. Default: ${DEFAULT-VALUE}.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per mini-batch. Default: ${DEFAULT-VALUE}.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--validation-fraction", paramLabel = "FRACTION", description = "Share of the rows held back to "
        + "compute the validation loss (0 = none, which also turns early stopping off). Default: ${DEFAULT-VALUE}.")
    double validationFraction = DEFAULTS.validationFraction();

    @Option(names = "--early-stopping-patience", paramLabel = "EPOCHS", description = "Stop when the validation loss "
        + "has not improved for this many epochs and keep the best epoch's weights (0 = off). Default: "
        + "${DEFAULT-VALUE}.")
    int earlyStoppingPatience = DEFAULTS.earlyStoppingPatience();

    @Option(names = "--seed", paramLabel = "N", description = "Seed for weight initialization, shuffling, validation "
        + "split, dropout and noise; the same seed, data and settings give the same model on the CPU. Default: "
        + "${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    @Option(names = "--normalization", paramLabel = "NAME", description = "How columns are scaled before training "
        + "and scoring, fitted on the training rows: min-max to [0, 1] (default), z-score, or none.")
    NormalizationKind normalization = DEFAULTS.normalization();

    @Option(names = "--missing-values", paramLabel = "POLICY", description = "Rows with a missing value in a "
        + "training column: fail (default; the message names the row and column), skip-row (with a warning saying "
        + "how many), or impute-mean (replaced by the training mean of the column, also when scoring).")
    MissingValuePolicy missingValues = DEFAULTS.missingValuePolicy();

    @Option(names = "--noise", paramLabel = "STDDEV", description = "Denoising noise: standard deviation of Gaussian "
        + "noise added to the normalized inputs during training (0 = off). Default: ${DEFAULT-VALUE}.")
    double noise = DEFAULTS.noiseStdDev();

    /**
     * The engine spec for these options.
     *
     * @throws BatchFailure if an option is invalid or the combination is unusable
     */
    AutoencoderSpec toSpec() {
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(parseLayers(hiddenLayers))
            .hiddenActivation(hiddenActivation).outputActivation(outputActivation).dropout(dropout).l2(l2).loss(loss)
            .optimizer(optimizer).learningRate(learningRate).epochs(epochs).batchSize(batchSize)
            .validationFraction(validationFraction).earlyStoppingPatience(earlyStoppingPatience).seed(seed)
            .normalization(normalization).noiseStdDev(noise).missingValuePolicy(missingValues).build();
        final List<String> problems = spec.validate();
        if (!problems.isEmpty()) {
            throw new BatchFailure(String.join(" ", problems));
        }
        return spec;
    }

    static int[] parseLayers(final String text) {
        final String trimmed = text.trim();
        if (trimmed.isEmpty() || "auto".equals(trimmed.toLowerCase(Locale.ROOT))) {
            return new int[0];
        }
        final List<Integer> sizes = new ArrayList<>();
        for (final String part : trimmed.split("[,;\\s]+")) {
            try {
                final int size = Integer.parseInt(part);
                if (size < 1) {
                    throw new NumberFormatException(part);
                }
                sizes.add(size);
            } catch (NumberFormatException e) {
                throw new BatchFailure("--hidden-layers must be 'auto' or positive whole numbers separated by commas, "
                    + "from the input side to the bottleneck (e.g. 32,8), but '" + part + "' in '" + text
                    + "' is not.", e);
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
