package org.aedetect.autoencoder.node.filter;

import java.util.Arrays;
import java.util.List;

import org.aedetect.autoencoder.engine.ThresholdRule;
import org.aedetect.autoencoder.node.Choice;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Threshold Filter's settings; the keys are stored in saved workflows and must never change. */
final class FilterSettings {

    static final String CFG_SCORE_COLUMN = "score_column";

    static final String CFG_RULE = "threshold_rule";

    static final String CFG_PERCENTILE = "percentile";

    static final String CFG_CONTAMINATION = "contamination";

    static final String CFG_FIXED = "fixed_threshold";

    static final String CFG_K_SD = "k_standard_deviations";

    static final String CFG_K_MAD = "k_mads";

    static final String CFG_K_IQR = "k_iqr";

    static final String CFG_TRAINING_QUANTILE = "training_quantile";

    static final String CFG_MISSING_SCORES = "missing_scores";

    static final String CFG_OUTPUT_MODE = "output_mode";

    static final String CFG_ANOMALY_COLUMN = "anomaly_column";

    /** The threshold rules, as offered in the dialog. */
    enum RuleKind {
        PERCENTILE, CONTAMINATION, FIXED, MEAN_K_SD, MEDIAN_K_MAD, IQR, TRAINING_QUANTILE
    }

    /** What a row with a missing score becomes. */
    enum MissingScores {
        NORMAL, ANOMALY, FAIL
    }

    /** How the result is output. */
    enum OutputMode {
        SPLIT, APPEND_COLUMN
    }

    static final Choice<RuleKind> RULES = new Choice<RuleKind>("threshold rule")
        .add("Percentile of scores", RuleKind.PERCENTILE).add("Contamination rate", RuleKind.CONTAMINATION)
        .add("Fixed value", RuleKind.FIXED).add("Mean + k standard deviations", RuleKind.MEAN_K_SD)
        .add("Median + k MADs", RuleKind.MEDIAN_K_MAD).add("Interquartile range (Q3 + k IQR)", RuleKind.IQR)
        .add("Quantile of training errors", RuleKind.TRAINING_QUANTILE);

    static final Choice<MissingScores> MISSING_SCORES = new Choice<MissingScores>("missing score handling")
        .add("Treat as normal", MissingScores.NORMAL).add("Treat as anomaly", MissingScores.ANOMALY)
        .add("Fail", MissingScores.FAIL);

    static final Choice<OutputMode> OUTPUT_MODES = new Choice<OutputMode>("output mode")
        .add("Split into anomalies and normal rows", OutputMode.SPLIT)
        .add("Append anomaly column", OutputMode.APPEND_COLUMN);

    final SettingsModelString m_scoreColumn = new SettingsModelString(CFG_SCORE_COLUMN, "Reconstruction error");

    final SettingsModelString m_rule = new SettingsModelString(CFG_RULE, RULES.label(RuleKind.PERCENTILE));

    final SettingsModelDouble m_percentile = new SettingsModelDouble(CFG_PERCENTILE, 95);

    final SettingsModelDouble m_contamination = new SettingsModelDouble(CFG_CONTAMINATION, 0.05);

    final SettingsModelDouble m_fixed = new SettingsModelDouble(CFG_FIXED, 0.1);

    final SettingsModelDouble m_kSd = new SettingsModelDouble(CFG_K_SD, 3);

    final SettingsModelDouble m_kMad = new SettingsModelDouble(CFG_K_MAD, 3);

    final SettingsModelDouble m_kIqr = new SettingsModelDouble(CFG_K_IQR, 1.5);

    final SettingsModelDouble m_trainingQuantile = new SettingsModelDouble(CFG_TRAINING_QUANTILE, 0.99);

    final SettingsModelString m_missingScores =
        new SettingsModelString(CFG_MISSING_SCORES, MISSING_SCORES.label(MissingScores.NORMAL));

    final SettingsModelString m_outputMode =
        new SettingsModelString(CFG_OUTPUT_MODE, OUTPUT_MODES.label(OutputMode.SPLIT));

    final SettingsModelString m_anomalyColumn = new SettingsModelString(CFG_ANOMALY_COLUMN, "Anomaly");

    private List<SettingsModel> all() {
        return Arrays.asList(m_scoreColumn, m_rule, m_percentile, m_contamination, m_fixed, m_kSd, m_kMad, m_kIqr,
            m_trainingQuantile, m_missingScores, m_outputMode, m_anomalyColumn);
    }

    void saveTo(final NodeSettingsWO settings) {
        all().forEach(m -> m.saveSettingsTo(settings));
    }

    void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.validateSettings(settings);
        }
        FilterSettings candidate = new FilterSettings();
        candidate.loadFrom(settings);
        candidate.rule();
        candidate.missingScores();
        candidate.anomalyColumn();
        candidate.scoreColumn();
    }

    void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(settings);
        }
    }

    String scoreColumn() throws InvalidSettingsException {
        String name = m_scoreColumn.getStringValue();
        if (name == null || name.isBlank()) {
            throw new InvalidSettingsException("Enter the name of the score column (e.g. \"Reconstruction error\", "
                + "as appended by the Reconstruction Scorer).");
        }
        return name;
    }

    RuleKind ruleKind() throws InvalidSettingsException {
        return RULES.parse(m_rule.getStringValue());
    }

    /**
     * @return the engine rule for the chosen kind and its parameter
     * @throws InvalidSettingsException if the parameter is out of range
     */
    ThresholdRule rule() throws InvalidSettingsException {
        try {
            return switch (ruleKind()) {
                case PERCENTILE -> ThresholdRule.percentile(m_percentile.getDoubleValue());
                case CONTAMINATION -> ThresholdRule.contamination(m_contamination.getDoubleValue());
                case FIXED -> ThresholdRule.fixed(m_fixed.getDoubleValue());
                case MEAN_K_SD -> ThresholdRule.meanPlusKSd(m_kSd.getDoubleValue());
                case MEDIAN_K_MAD -> ThresholdRule.medianPlusKMad(m_kMad.getDoubleValue());
                case IQR -> ThresholdRule.iqr(m_kIqr.getDoubleValue());
                case TRAINING_QUANTILE -> ThresholdRule.trainingQuantile(m_trainingQuantile.getDoubleValue());
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    MissingScores missingScores() throws InvalidSettingsException {
        return MISSING_SCORES.parse(m_missingScores.getStringValue());
    }

    OutputMode outputMode() throws InvalidSettingsException {
        return OUTPUT_MODES.parse(m_outputMode.getStringValue());
    }

    String anomalyColumn() throws InvalidSettingsException {
        String name = m_anomalyColumn.getStringValue();
        if (outputMode() == OutputMode.APPEND_COLUMN && (name == null || name.isBlank())) {
            throw new InvalidSettingsException("Enter a name for the anomaly column.");
        }
        return name;
    }
}
