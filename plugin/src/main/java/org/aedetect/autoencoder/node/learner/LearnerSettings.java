package org.aedetect.autoencoder.node.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.HiddenActivation;
import org.aedetect.autoencoder.engine.LossKind;
import org.aedetect.autoencoder.engine.MissingValuePolicy;
import org.aedetect.autoencoder.engine.NormalizationKind;
import org.aedetect.autoencoder.engine.OptimizerKind;
import org.aedetect.autoencoder.engine.OutputActivation;
import org.aedetect.autoencoder.engine.backend.BackendChoice;
import org.aedetect.autoencoder.node.Choice;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * The Autoencoder Learner's settings: one settings model per option, shared by the node model and its dialog,
 * with the engine's defaults, and the mapping to the engine's {@link AutoencoderSpec}. The keys are stored in
 * saved workflows and must never change.
 */
final class LearnerSettings {

    static final String CFG_COLUMNS = "input_columns";

    static final String CFG_HIDDEN_LAYERS = "hidden_layers";

    static final String CFG_HIDDEN_ACTIVATION = "hidden_activation";

    static final String CFG_OUTPUT_ACTIVATION = "output_activation";

    static final String CFG_DROPOUT = "dropout";

    static final String CFG_L2 = "l2_regularization";

    static final String CFG_LOSS = "loss";

    static final String CFG_OPTIMIZER = "optimizer";

    static final String CFG_LEARNING_RATE = "learning_rate";

    static final String CFG_EPOCHS = "epochs";

    static final String CFG_BATCH_SIZE = "batch_size";

    static final String CFG_VALIDATION_FRACTION = "validation_fraction";

    static final String CFG_PATIENCE = "early_stopping_patience";

    static final String CFG_SEED = "seed";

    static final String CFG_NORMALIZATION = "normalization";

    static final String CFG_MISSING_VALUES = "missing_values";

    static final String CFG_NOISE = "input_noise_stddev";

    static final String CFG_BACKEND = "backend";

    /** Text of the hidden layer option meaning "let the engine size the layers". */
    static final String AUTOMATIC_LAYERS = "auto";

    static final Choice<HiddenActivation> HIDDEN_ACTIVATIONS = new Choice<HiddenActivation>("hidden activation")
        .add("ReLU", HiddenActivation.RELU).add("Leaky ReLU", HiddenActivation.LEAKY_RELU)
        .add("ELU", HiddenActivation.ELU).add("Tanh", HiddenActivation.TANH).add("Sigmoid", HiddenActivation.SIGMOID);

    static final Choice<OutputActivation> OUTPUT_ACTIVATIONS = new Choice<OutputActivation>("output activation")
        .add("Auto", OutputActivation.AUTO).add("Linear", OutputActivation.LINEAR)
        .add("Sigmoid", OutputActivation.SIGMOID);

    static final Choice<LossKind> LOSSES = new Choice<LossKind>("loss").add("MSE", LossKind.MSE)
        .add("MAE", LossKind.MAE).add("Binary cross-entropy", LossKind.BINARY_CROSS_ENTROPY);

    static final Choice<OptimizerKind> OPTIMIZERS = new Choice<OptimizerKind>("optimizer")
        .add("Adam", OptimizerKind.ADAM).add("RMSProp", OptimizerKind.RMSPROP)
        .add("SGD with Nesterov momentum", OptimizerKind.SGD_NESTEROV);

    static final Choice<NormalizationKind> NORMALIZATIONS = new Choice<NormalizationKind>("normalization")
        .add("Min-max", NormalizationKind.MIN_MAX).add("Z-score", NormalizationKind.Z_SCORE)
        .add("None", NormalizationKind.NONE);

    static final Choice<MissingValuePolicy> MISSING_VALUE_POLICIES =
        new Choice<MissingValuePolicy>("missing value handling").add("Fail", MissingValuePolicy.FAIL)
            .add("Skip row", MissingValuePolicy.SKIP_ROW).add("Impute column mean", MissingValuePolicy.IMPUTE_MEAN);

    /** Backend labels; "Preference" defers to the KNIME preference page (Auto unless changed there). */
    static final String BACKEND_PREFERENCE = "Preference";

    static final String[] BACKENDS = {BACKEND_PREFERENCE, "Auto", "CPU", "CUDA"};

    private static final AutoencoderSpec DEFAULTS = AutoencoderSpec.defaults();

    final SettingsModelColumnFilter2 m_columns = createColumns();

    final SettingsModelString m_hiddenLayers = new SettingsModelString(CFG_HIDDEN_LAYERS, AUTOMATIC_LAYERS);

    final SettingsModelString m_hiddenActivation =
        new SettingsModelString(CFG_HIDDEN_ACTIVATION, HIDDEN_ACTIVATIONS.label(DEFAULTS.hiddenActivation()));

    final SettingsModelString m_outputActivation =
        new SettingsModelString(CFG_OUTPUT_ACTIVATION, OUTPUT_ACTIVATIONS.label(DEFAULTS.outputActivation()));

    final SettingsModelDoubleBounded m_dropout = new SettingsModelDoubleBounded(CFG_DROPOUT, DEFAULTS.dropout(), 0, 0.95);

    final SettingsModelDoubleBounded m_l2 = new SettingsModelDoubleBounded(CFG_L2, DEFAULTS.l2(), 0, 10);

    final SettingsModelString m_loss = new SettingsModelString(CFG_LOSS, LOSSES.label(DEFAULTS.loss()));

    final SettingsModelString m_optimizer =
        new SettingsModelString(CFG_OPTIMIZER, OPTIMIZERS.label(DEFAULTS.optimizer()));

    final SettingsModelDoubleBounded m_learningRate =
        new SettingsModelDoubleBounded(CFG_LEARNING_RATE, DEFAULTS.learningRate(), 1e-8, 10);

    final SettingsModelIntegerBounded m_epochs =
        new SettingsModelIntegerBounded(CFG_EPOCHS, DEFAULTS.epochs(), 1, 1_000_000);

    final SettingsModelIntegerBounded m_batchSize =
        new SettingsModelIntegerBounded(CFG_BATCH_SIZE, DEFAULTS.batchSize(), 1, 1_000_000);

    final SettingsModelDoubleBounded m_validationFraction =
        new SettingsModelDoubleBounded(CFG_VALIDATION_FRACTION, DEFAULTS.validationFraction(), 0, 0.9);

    final SettingsModelIntegerBounded m_patience =
        new SettingsModelIntegerBounded(CFG_PATIENCE, DEFAULTS.earlyStoppingPatience(), 0, 1_000_000);

    final SettingsModelLong m_seed = new SettingsModelLong(CFG_SEED, DEFAULTS.seed());

    final SettingsModelString m_normalization =
        new SettingsModelString(CFG_NORMALIZATION, NORMALIZATIONS.label(DEFAULTS.normalization()));

    final SettingsModelString m_missingValues =
        new SettingsModelString(CFG_MISSING_VALUES, MISSING_VALUE_POLICIES.label(DEFAULTS.missingValuePolicy()));

    final SettingsModelDoubleBounded m_noise = new SettingsModelDoubleBounded(CFG_NOISE, DEFAULTS.noiseStdDev(), 0, 10);

    final SettingsModelString m_backend = new SettingsModelString(CFG_BACKEND, BACKEND_PREFERENCE);

    @SuppressWarnings("unchecked")
    private static SettingsModelColumnFilter2 createColumns() {
        return new SettingsModelColumnFilter2(CFG_COLUMNS, DoubleValue.class);
    }

    private List<SettingsModel> all() {
        return Arrays.asList(m_columns, m_hiddenLayers, m_hiddenActivation, m_outputActivation, m_dropout, m_l2,
            m_loss, m_optimizer, m_learningRate, m_epochs, m_batchSize, m_validationFraction, m_patience, m_seed,
            m_normalization, m_missingValues, m_noise, m_backend);
    }

    void saveTo(final NodeSettingsWO settings) {
        all().forEach(m -> m.saveSettingsTo(settings));
    }

    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.validateSettings(settings);
        }
        LearnerSettings candidate = new LearnerSettings();
        candidate.loadFrom(settings);
        candidate.toSpec();
        candidate.backend();
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(settings);
        }
    }

    /**
     * @param spec the input spec
     * @return the selected numeric columns, in input order
     * @throws InvalidSettingsException if none is selected
     */
    List<String> selectedColumns(final DataTableSpec spec) throws InvalidSettingsException {
        FilterResult filter = m_columns.applyTo(spec);
        List<String> columns = List.of(filter.getIncludes());
        if (columns.isEmpty()) {
            boolean anyNumeric = spec.stream().anyMatch(c -> c.getType().isCompatible(DoubleValue.class));
            throw new InvalidSettingsException(anyNumeric
                ? "No numeric column is selected. Include at least one numeric column under \"Input columns\" in "
                    + "the dialog."
                : "The input table has no numeric column. The autoencoder trains on numeric (double, integer, "
                    + "long or boolean) columns; convert the columns to numbers first.");
        }
        return columns;
    }

    /**
     * @param spec the input spec
     * @return selected columns that are missing from the input (only when inclusion is enforced)
     */
    String[] missingIncludedColumns(final DataTableSpec spec) {
        return m_columns.applyTo(spec).getRemovedFromIncludes();
    }

    /**
     * @return the engine spec for these settings
     * @throws InvalidSettingsException if a value is invalid or the combination is unusable
     */
    AutoencoderSpec toSpec() throws InvalidSettingsException {
        AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(parseLayers(m_hiddenLayers.getStringValue()))
            .hiddenActivation(HIDDEN_ACTIVATIONS.parse(m_hiddenActivation.getStringValue()))
            .outputActivation(OUTPUT_ACTIVATIONS.parse(m_outputActivation.getStringValue()))
            .dropout(m_dropout.getDoubleValue()).l2(m_l2.getDoubleValue()).loss(LOSSES.parse(m_loss.getStringValue()))
            .optimizer(OPTIMIZERS.parse(m_optimizer.getStringValue())).learningRate(m_learningRate.getDoubleValue())
            .epochs(m_epochs.getIntValue()).batchSize(m_batchSize.getIntValue())
            .validationFraction(m_validationFraction.getDoubleValue()).earlyStoppingPatience(m_patience.getIntValue())
            .seed(m_seed.getLongValue()).normalization(NORMALIZATIONS.parse(m_normalization.getStringValue()))
            .noiseStdDev(m_noise.getDoubleValue())
            .missingValuePolicy(MISSING_VALUE_POLICIES.parse(m_missingValues.getStringValue())).build();
        List<String> problems = spec.validate();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(String.join(" ", problems));
        }
        return spec;
    }

    /**
     * @return the backend to request, or null to use the preference
     * @throws InvalidSettingsException if the stored value is unknown
     */
    BackendChoice backend() throws InvalidSettingsException {
        String value = m_backend.getStringValue();
        if (BACKEND_PREFERENCE.equals(value)) {
            return null;
        }
        if (!Arrays.asList(BACKENDS).contains(value)) {
            throw new InvalidSettingsException(
                "Unknown backend \"" + value + "\"; choose one of: " + String.join(", ", BACKENDS) + ".");
        }
        return BackendChoice.parse(value);
    }

    /**
     * @param text "auto" (or empty) or comma-separated positive sizes, e.g. "32, 8"
     * @return the sizes; empty for automatic
     * @throws InvalidSettingsException if the text is not of that form
     */
    static int[] parseLayers(final String text) throws InvalidSettingsException {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || AUTOMATIC_LAYERS.equalsIgnoreCase(trimmed)) {
            return new int[0];
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : trimmed.split("[,;\\s]+")) {
            try {
                int size = Integer.parseInt(part);
                if (size < 1) {
                    throw new NumberFormatException();
                }
                sizes.add(size);
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("Hidden layer sizes must be \"" + AUTOMATIC_LAYERS
                    + "\" or positive whole numbers separated by commas, from the input side to the bottleneck "
                    + "(e.g. \"32, 8\"), but \"" + part + "\" in \"" + text + "\" is not.", e);
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
