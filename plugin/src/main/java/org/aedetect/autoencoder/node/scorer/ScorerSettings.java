package org.aedetect.autoencoder.node.scorer;

import java.util.Arrays;
import java.util.List;

import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.node.Choice;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Reconstruction Scorer's settings; the keys are stored in saved workflows and must never change. */
final class ScorerSettings {

    static final String CFG_ERROR_COLUMN = "error_column";

    static final String CFG_METRIC = "error_metric";

    static final String CFG_COLUMN_ERRORS = "append_column_errors";

    static final String CFG_PERCENTILE = "append_training_percentile";

    static final String DEFAULT_ERROR_COLUMN = "Reconstruction error";

    static final Choice<ErrorMetric> METRICS = new Choice<ErrorMetric>("error metric")
        .add("MSE", ErrorMetric.MSE).add("MAE", ErrorMetric.MAE).add("RMSE", ErrorMetric.RMSE)
        .add("Maximum absolute error", ErrorMetric.MAX_ABS);

    final SettingsModelString m_errorColumn = new SettingsModelString(CFG_ERROR_COLUMN, DEFAULT_ERROR_COLUMN);

    final SettingsModelString m_metric = new SettingsModelString(CFG_METRIC, METRICS.label(ErrorMetric.MSE));

    final SettingsModelBoolean m_columnErrors = new SettingsModelBoolean(CFG_COLUMN_ERRORS, false);

    final SettingsModelBoolean m_percentile = new SettingsModelBoolean(CFG_PERCENTILE, false);

    private List<SettingsModel> all() {
        return Arrays.asList(m_errorColumn, m_metric, m_columnErrors, m_percentile);
    }

    void saveTo(final NodeSettingsWO settings) {
        all().forEach(m -> m.saveSettingsTo(settings));
    }

    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.validateSettings(settings);
        }
        ScorerSettings candidate = new ScorerSettings();
        candidate.loadFrom(settings);
        candidate.errorColumn();
        candidate.metric();
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(settings);
        }
    }

    String errorColumn() throws InvalidSettingsException {
        String name = m_errorColumn.getStringValue();
        if (name == null || name.isBlank()) {
            throw new InvalidSettingsException("Enter a name for the reconstruction error column.");
        }
        return name.trim();
    }

    ErrorMetric metric() throws InvalidSettingsException {
        return METRICS.parse(m_metric.getStringValue());
    }

    boolean appendColumnErrors() {
        return m_columnErrors.getBooleanValue();
    }

    boolean appendPercentile() {
        return m_percentile.getBooleanValue();
    }
}
