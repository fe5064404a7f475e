package org.aedetect.autoencoder.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What autoencoder to build and how to train it: an immutable value made with {@link #builder()} or
 * {@link #defaults()} and changed with {@link #toBuilder()}. The encoder has the layer sizes of
 * {@link #hiddenLayers()}, the decoder mirrors them, and the output layer has one unit per column.
 *
 * <p>Defaults: automatic layer sizes (see {@link #resolveHiddenLayers}), ReLU hidden layers, automatic
 * output activation, no dropout, no L2, MSE loss, Adam with learning rate 0.001, 50 epochs, batch size
 * 64, 10% validation rows, early stopping after 5 epochs without improvement, seed 42, Min-max
 * normalization, no input noise, and failing on missing values.
 */
public final class AutoencoderSpec {

    /** Largest first encoder layer that the automatic sizing picks. */
    static final int AUTO_MAX_FIRST_LAYER = 256;

    /** Largest bottleneck that the automatic sizing picks. */
    static final int AUTO_MAX_BOTTLENECK = 64;

    private final int[] hiddenLayers;
    private final HiddenActivation hiddenActivation;
    private final OutputActivation outputActivation;
    private final double dropout;
    private final double l2;
    private final LossKind loss;
    private final OptimizerKind optimizer;
    private final double learningRate;
    private final int epochs;
    private final int batchSize;
    private final double validationFraction;
    private final int earlyStoppingPatience;
    private final long seed;
    private final NormalizationKind normalization;
    private final double noiseStdDev;
    private final MissingValuePolicy missingValuePolicy;

    private AutoencoderSpec(final Builder b) {
        hiddenLayers = b.hiddenLayers.clone();
        hiddenActivation = b.hiddenActivation;
        outputActivation = b.outputActivation;
        dropout = b.dropout;
        l2 = b.l2;
        loss = b.loss;
        optimizer = b.optimizer;
        learningRate = b.learningRate;
        epochs = b.epochs;
        batchSize = b.batchSize;
        validationFraction = b.validationFraction;
        earlyStoppingPatience = b.earlyStoppingPatience;
        seed = b.seed;
        normalization = b.normalization;
        noiseStdDev = b.noiseStdDev;
        missingValuePolicy = b.missingValuePolicy;
    }

    /** The default settings (see the class description). */
    public static AutoencoderSpec defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the values of this spec. */
    public Builder toBuilder() {
        return new Builder().hiddenLayers(hiddenLayers).hiddenActivation(hiddenActivation)
            .outputActivation(outputActivation).dropout(dropout).l2(l2).loss(loss).optimizer(optimizer)
            .learningRate(learningRate).epochs(epochs).batchSize(batchSize).validationFraction(validationFraction)
            .earlyStoppingPatience(earlyStoppingPatience).seed(seed).normalization(normalization)
            .noiseStdDev(noiseStdDev).missingValuePolicy(missingValuePolicy);
    }

    /** Encoder layer sizes from the input side to the bottleneck; empty means automatic sizing. */
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /**
     * The encoder layer sizes used for {@code columns} input columns: {@link #hiddenLayers()} if set,
     * otherwise two layers, the first with 3/4 of the columns (2 to {@value #AUTO_MAX_FIRST_LAYER}
     * units), the bottleneck with 1/4 of the columns (1 to {@value #AUTO_MAX_BOTTLENECK} units, never
     * wider than the first layer). For 10 columns that is 8-3, for 784 columns 256-64.
     */
    public int[] resolveHiddenLayers(final int columns) {
        if (hiddenLayers.length > 0) {
            return hiddenLayers.clone();
        }
        final int first = Math.max(2, Math.min(AUTO_MAX_FIRST_LAYER, (int)Math.ceil(columns * 0.75)));
        final int quarter = (int)Math.ceil(columns / 4.0);
        final int bottleneck = Math.min(first, Math.max(1, Math.min(AUTO_MAX_BOTTLENECK, quarter)));
        return new int[] {first, bottleneck};
    }

    public HiddenActivation hiddenActivation() {
        return hiddenActivation;
    }

    public OutputActivation outputActivation() {
        return outputActivation;
    }

    /** Fraction of hidden-layer inputs dropped during training, 0 (off) to below 1. */
    public double dropout() {
        return dropout;
    }

    /** L2 weight penalty, 0 = off. */
    public double l2() {
        return l2;
    }

    public LossKind loss() {
        return loss;
    }

    public OptimizerKind optimizer() {
        return optimizer;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Maximum number of passes over the training rows. */
    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Fraction of rows held out for validation, 0 (none) to below 1, chosen deterministically by seed. */
    public double validationFraction() {
        return validationFraction;
    }

    /**
     * Epochs without improvement of the validation loss (training loss when there are no validation
     * rows) after which training stops and the best weights are restored; 0 = off (the last epoch's
     * weights are kept).
     */
    public int earlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    /** Seeds weights, validation split, shuffling, dropout and noise. */
    public long seed() {
        return seed;
    }

    public NormalizationKind normalization() {
        return normalization;
    }

    /** Standard deviation of the Gaussian noise added to training inputs (denoising), 0 = off. */
    public double noiseStdDev() {
        return noiseStdDev;
    }

    public MissingValuePolicy missingValuePolicy() {
        return missingValuePolicy;
    }

    /**
     * Checks the settings on their own (data-dependent checks happen in training).
     *
     * @return messages a user understands, empty if the settings are usable
     */
    public List<String> validate() {
        final List<String> problems = new ArrayList<>();
        for (final int size : hiddenLayers) {
            if (size < 1) {
                problems.add("Every hidden layer needs at least 1 unit, but the layer sizes are "
                    + Arrays.toString(hiddenLayers) + ".");
                break;
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            problems.add("Dropout must be at least 0 and below 1 (it is the fraction of units dropped), but is "
                + dropout + ".");
        }
        if (!(l2 >= 0 && Double.isFinite(l2))) {
            problems.add("L2 regularization must be 0 or a positive number, but is " + l2 + ".");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            problems.add("The learning rate must be a positive number (e.g. 0.001), but is " + learningRate + ".");
        }
        if (epochs < 1) {
            problems.add("The number of epochs must be at least 1, but is " + epochs + ".");
        }
        if (batchSize < 1) {
            problems.add("The batch size must be at least 1, but is " + batchSize + ".");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            problems.add("The validation fraction must be at least 0 and below 1 (e.g. 0.1 for 10% of the rows), "
                + "but is " + validationFraction + ".");
        }
        if (earlyStoppingPatience < 0) {
            problems.add("The early stopping patience must be 0 (off) or a positive number of epochs, but is "
                + earlyStoppingPatience + ".");
        }
        if (!(noiseStdDev >= 0 && Double.isFinite(noiseStdDev))) {
            problems.add("The input noise standard deviation must be 0 (off) or positive, but is " + noiseStdDev + ".");
        }
        if (loss == LossKind.BINARY_CROSS_ENTROPY) {
            if (outputActivation == OutputActivation.LINEAR) {
                problems.add("Binary cross-entropy loss needs a sigmoid output; choose the Sigmoid or Auto output "
                    + "activation, or the MSE loss.");
            }
            if (normalization == NormalizationKind.Z_SCORE) {
                problems.add("Binary cross-entropy loss needs data between 0 and 1, which z-score normalization "
                    + "does not give; choose Min-max normalization or the MSE loss.");
            }
        }
        return problems;
    }

    /** Throws {@link InvalidSpecException} with the messages of {@link #validate()} if there are any. */
    public void requireValid() {
        final List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof AutoencoderSpec s && Arrays.equals(hiddenLayers, s.hiddenLayers)
            && hiddenActivation == s.hiddenActivation && outputActivation == s.outputActivation
            && Double.compare(dropout, s.dropout) == 0 && Double.compare(l2, s.l2) == 0 && loss == s.loss
            && optimizer == s.optimizer && Double.compare(learningRate, s.learningRate) == 0 && epochs == s.epochs
            && batchSize == s.batchSize && Double.compare(validationFraction, s.validationFraction) == 0
            && earlyStoppingPatience == s.earlyStoppingPatience && seed == s.seed
            && normalization == s.normalization && Double.compare(noiseStdDev, s.noiseStdDev) == 0
            && missingValuePolicy == s.missingValuePolicy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hiddenLayers), hiddenActivation, outputActivation, dropout, l2, loss,
            optimizer, learningRate, epochs, batchSize, validationFraction, earlyStoppingPatience, seed,
            normalization, noiseStdDev, missingValuePolicy);
    }

    @Override
    public String toString() {
        return "AutoencoderSpec[hiddenLayers=" + (hiddenLayers.length == 0 ? "auto" : Arrays.toString(hiddenLayers))
            + ", hiddenActivation=" + hiddenActivation + ", outputActivation=" + outputActivation + ", dropout="
            + dropout + ", l2=" + l2 + ", loss=" + loss + ", optimizer=" + optimizer + ", learningRate="
            + learningRate + ", epochs=" + epochs + ", batchSize=" + batchSize + ", validationFraction="
            + validationFraction + ", earlyStoppingPatience=" + earlyStoppingPatience + ", seed=" + seed
            + ", normalization=" + normalization + ", noiseStdDev=" + noiseStdDev + ", missingValuePolicy="
            + missingValuePolicy + "]";
    }

    /** Collects the settings of an {@link AutoencoderSpec}; starts with the defaults. */
    public static final class Builder {
        private int[] hiddenLayers = new int[0];
        private HiddenActivation hiddenActivation = HiddenActivation.RELU;
        private OutputActivation outputActivation = OutputActivation.AUTO;
        private double dropout;
        private double l2;
        private LossKind loss = LossKind.MSE;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private double learningRate = 1e-3;
        private int epochs = 50;
        private int batchSize = 64;
        private double validationFraction = 0.1;
        private int earlyStoppingPatience = 5;
        private long seed = 42;
        private NormalizationKind normalization = NormalizationKind.MIN_MAX;
        private double noiseStdDev;
        private MissingValuePolicy missingValuePolicy = MissingValuePolicy.FAIL;

        private Builder() {
        }

        /** Encoder layer sizes; no sizes means automatic sizing. */
        public Builder hiddenLayers(final int... sizes) {
            hiddenLayers = sizes.clone();
            return this;
        }

        public Builder hiddenActivation(final HiddenActivation value) {
            hiddenActivation = Objects.requireNonNull(value, "hiddenActivation");
            return this;
        }

        public Builder outputActivation(final OutputActivation value) {
            outputActivation = Objects.requireNonNull(value, "outputActivation");
            return this;
        }

        public Builder dropout(final double value) {
            dropout = value;
            return this;
        }

        public Builder l2(final double value) {
            l2 = value;
            return this;
        }

        public Builder loss(final LossKind value) {
            loss = Objects.requireNonNull(value, "loss");
            return this;
        }

        public Builder optimizer(final OptimizerKind value) {
            optimizer = Objects.requireNonNull(value, "optimizer");
            return this;
        }

        public Builder learningRate(final double value) {
            learningRate = value;
            return this;
        }

        public Builder epochs(final int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(final int value) {
            batchSize = value;
            return this;
        }

        public Builder validationFraction(final double value) {
            validationFraction = value;
            return this;
        }

        public Builder earlyStoppingPatience(final int value) {
            earlyStoppingPatience = value;
            return this;
        }

        public Builder seed(final long value) {
            seed = value;
            return this;
        }

        public Builder normalization(final NormalizationKind value) {
            normalization = Objects.requireNonNull(value, "normalization");
            return this;
        }

        public Builder noiseStdDev(final double value) {
            noiseStdDev = value;
            return this;
        }

        public Builder missingValuePolicy(final MissingValuePolicy value) {
            missingValuePolicy = Objects.requireNonNull(value, "missingValuePolicy");
            return this;
        }

        /** The spec, not validated, so that a dialog can show all problems of {@link AutoencoderSpec#validate()}. */
        public AutoencoderSpec build() {
            return new AutoencoderSpec(this);
        }
    }
}
