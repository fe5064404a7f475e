package org.aedetect.autoencoder.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.ErrorDistribution;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What a downstream node can know about an autoencoder model before it runs: the input columns (names and
 * types, in the order the model reads them), the architecture and preprocessing, and once trained the
 * training-error quantiles and the backend it was trained on. The learner emits an untrained spec at
 * configure time so the scorer can check its input columns and announce its output before execution.
 */
public final class AutoencoderPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Quantiles of the training errors kept in the spec (for the port view and the filter's dialog). */
    static final double[] QUANTILES = {0, 0.5, 0.9, 0.95, 0.99, 1};

    private static final String KEY_COLUMN_NAMES = "column_names";

    private static final String KEY_COLUMN_TYPES = "column_types";

    private static final String KEY_HIDDEN_LAYERS = "hidden_layers";

    private static final String KEY_HIDDEN_ACTIVATION = "hidden_activation";

    private static final String KEY_OUTPUT_ACTIVATION = "output_activation";

    private static final String KEY_LOSS = "loss";

    private static final String KEY_NORMALIZATION = "normalization";

    private static final String KEY_MISSING_VALUES = "missing_value_policy";

    private static final String KEY_TRAINED = "trained";

    private static final String KEY_ERROR_QUANTILES = "training_error_quantiles";

    private static final String KEY_ERROR_COUNT = "training_error_count";

    private static final String KEY_ERROR_MEAN = "training_error_mean";

    private static final String KEY_BACKEND = "backend";

    private String[] m_columnNames = new String[0];

    private String[] m_columnTypes = new String[0];

    private int[] m_hiddenLayers = new int[0];

    private String m_hiddenActivation = "";

    private String m_outputActivation = "";

    private String m_loss = "";

    private String m_normalization = "";

    private String m_missingValuePolicy = "";

    private boolean m_trained;

    private double[] m_errorQuantiles = new double[0];

    private long m_errorCount;

    private double m_errorMean = Double.NaN;

    private String m_backend = "";

    /** Public no-arg constructor, needed by KNIME's serializer. */
    public AutoencoderPortObjectSpec() {
    }

    /**
     * The spec of a model still to be trained (known at configure time).
     *
     * @param input the learner's input spec
     * @param columns the selected input columns, in model order
     * @param spec the autoencoder settings
     * @return the spec
     */
    public static AutoencoderPortObjectSpec untrained(final DataTableSpec input, final List<String> columns,
        final AutoencoderSpec spec) {
        AutoencoderPortObjectSpec s = new AutoencoderPortObjectSpec();
        s.setColumns(input, columns);
        s.m_hiddenLayers = spec.resolveHiddenLayers(columns.size());
        s.m_hiddenActivation = spec.hiddenActivation().name();
        s.m_outputActivation = spec.outputActivation().name();
        s.m_loss = spec.loss().name();
        s.m_normalization = spec.normalization().name();
        s.m_missingValuePolicy = spec.missingValuePolicy().name();
        return s;
    }

    /**
     * The spec of a trained model.
     *
     * @param input the learner's input spec
     * @param model the trained model
     * @return the spec
     */
    public static AutoencoderPortObjectSpec trained(final DataTableSpec input, final TrainedAutoencoder model) {
        AutoencoderPortObjectSpec s = untrained(input, model.columnNames(), model.spec());
        s.m_trained = true;
        ErrorDistribution errors = model.trainingErrors();
        s.m_errorQuantiles = Arrays.stream(QUANTILES).map(errors::quantile).toArray();
        s.m_errorCount = errors.count();
        s.m_errorMean = errors.mean();
        s.m_backend = model.backend().describe();
        return s;
    }

    private void setColumns(final DataTableSpec input, final List<String> columns) {
        m_columnNames = columns.toArray(new String[0]);
        m_columnTypes = columns.stream().map(c -> input.getColumnSpec(c).getType().getName()).toArray(String[]::new);
    }

    /** @return the input column names, in the order the model reads them */
    public List<String> getColumnNames() {
        return List.of(m_columnNames);
    }

    /** @return the type names the input columns had when the model was configured */
    public List<String> getColumnTypeNames() {
        return List.of(m_columnTypes);
    }

    /** @return the encoder layer sizes, input side to bottleneck */
    public int[] getHiddenLayers() {
        return m_hiddenLayers.clone();
    }

    /** @return the normalization, as the engine's enum name */
    public String getNormalization() {
        return m_normalization;
    }

    /** @return the missing-value policy, as the engine's enum name */
    public String getMissingValuePolicy() {
        return m_missingValuePolicy;
    }

    /** @return whether this describes a trained model (training errors and backend known) */
    public boolean isTrained() {
        return m_trained;
    }

    /** @return the backend the model was trained on, empty if not trained */
    public String getBackend() {
        return m_backend;
    }

    /** @return lines describing the model, for the port view and summary */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Input columns (" + m_columnNames.length + "): " + String.join(", ", m_columnNames));
        lines.add("Architecture: " + architecture() + ", hidden " + m_hiddenActivation.toLowerCase(Locale.ROOT)
            + ", output " + m_outputActivation.toLowerCase(Locale.ROOT) + ", loss " + m_loss);
        lines.add("Normalization: " + m_normalization + ", missing values: " + m_missingValuePolicy);
        if (m_trained) {
            lines.add("Training errors (" + m_errorCount + " rows, MSE): mean " + format(m_errorMean) + ", median "
                + format(m_errorQuantiles[1]) + ", 95% " + format(m_errorQuantiles[3]) + ", 99% "
                + format(m_errorQuantiles[4]) + ", max " + format(m_errorQuantiles[5]));
            lines.add("Trained on: " + m_backend);
        } else {
            lines.add("Not trained yet");
        }
        return lines;
    }

    /** @return the layer sizes as "in-h1-...-h1-in" */
    public String architecture() {
        List<String> sizes = new ArrayList<>();
        sizes.add(Integer.toString(m_columnNames.length));
        Arrays.stream(m_hiddenLayers).forEach(h -> sizes.add(Integer.toString(h)));
        for (int i = m_hiddenLayers.length - 2; i >= 0; i--) {
            sizes.add(Integer.toString(m_hiddenLayers[i]));
        }
        sizes.add(Integer.toString(m_columnNames.length));
        return String.join("-", sizes);
    }

    private static String format(final double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addStringArray(KEY_COLUMN_NAMES, m_columnNames);
        model.addStringArray(KEY_COLUMN_TYPES, m_columnTypes);
        model.addIntArray(KEY_HIDDEN_LAYERS, m_hiddenLayers);
        model.addString(KEY_HIDDEN_ACTIVATION, m_hiddenActivation);
        model.addString(KEY_OUTPUT_ACTIVATION, m_outputActivation);
        model.addString(KEY_LOSS, m_loss);
        model.addString(KEY_NORMALIZATION, m_normalization);
        model.addString(KEY_MISSING_VALUES, m_missingValuePolicy);
        model.addBoolean(KEY_TRAINED, m_trained);
        model.addDoubleArray(KEY_ERROR_QUANTILES, m_errorQuantiles);
        model.addLong(KEY_ERROR_COUNT, m_errorCount);
        model.addDouble(KEY_ERROR_MEAN, m_errorMean);
        model.addString(KEY_BACKEND, m_backend);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_columnNames = model.getStringArray(KEY_COLUMN_NAMES);
        m_columnTypes = model.getStringArray(KEY_COLUMN_TYPES);
        if (m_columnNames == null || m_columnTypes == null || m_columnNames.length != m_columnTypes.length) {
            throw new InvalidSettingsException("The autoencoder model spec has inconsistent column lists.");
        }
        m_hiddenLayers = model.getIntArray(KEY_HIDDEN_LAYERS);
        m_hiddenActivation = model.getString(KEY_HIDDEN_ACTIVATION);
        m_outputActivation = model.getString(KEY_OUTPUT_ACTIVATION);
        m_loss = model.getString(KEY_LOSS);
        m_normalization = model.getString(KEY_NORMALIZATION);
        m_missingValuePolicy = model.getString(KEY_MISSING_VALUES);
        m_trained = model.getBoolean(KEY_TRAINED);
        m_errorQuantiles = model.getDoubleArray(KEY_ERROR_QUANTILES);
        m_errorCount = model.getLong(KEY_ERROR_COUNT);
        m_errorMean = model.getDouble(KEY_ERROR_MEAN);
        m_backend = model.getString(KEY_BACKEND);
        if (m_trained && (m_errorQuantiles == null || m_errorQuantiles.length != QUANTILES.length)) {
            throw new InvalidSettingsException("The autoencoder model spec has no training-error quantiles.");
        }
    }

    /** KNIME's serializer for this spec; registered in plugin.xml. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<AutoencoderPortObjectSpec> {
    }
}
