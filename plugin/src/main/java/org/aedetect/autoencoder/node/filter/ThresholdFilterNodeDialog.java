package org.aedetect.autoencoder.node.filter;

import org.aedetect.autoencoder.node.filter.FilterSettings.OutputMode;
import org.aedetect.autoencoder.node.filter.FilterSettings.RuleKind;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;

/**
 * The filter's dialog: score column and rule first, then the rule parameters (only the chosen rule's parameter
 * is enabled), then missing scores and output. The labels are the option names of the node description.
 */
final class ThresholdFilterNodeDialog extends DefaultNodeSettingsPane {

    ThresholdFilterNodeDialog() {
        FilterSettings s = new FilterSettings();
        addDialogComponent(new DialogComponentString(s.m_scoreColumn, "Score column", true, 20));
        addDialogComponent(
            new DialogComponentStringSelection(s.m_rule, "Threshold rule", FilterSettings.RULES.labels()));

        createNewGroup("Rule parameter");
        addDialogComponent(new DialogComponentNumber(s.m_percentile, "Percentile", 1));
        addDialogComponent(new DialogComponentNumber(s.m_contamination, "Contamination rate", 0.01));
        addDialogComponent(new DialogComponentNumber(s.m_fixed, "Fixed threshold", 0.01));
        addDialogComponent(new DialogComponentNumber(s.m_kSd, "k (standard deviations)", 0.5));
        addDialogComponent(new DialogComponentNumber(s.m_kMad, "k (MADs)", 0.5));
        addDialogComponent(new DialogComponentNumber(s.m_kIqr, "k (IQRs)", 0.5));
        addDialogComponent(new DialogComponentNumber(s.m_trainingQuantile, "Training error quantile", 0.01));
        closeCurrentGroup();

        createNewGroup("Output");
        addDialogComponent(new DialogComponentStringSelection(s.m_missingScores, "Missing scores",
            FilterSettings.MISSING_SCORES.labels()));
        addDialogComponent(
            new DialogComponentStringSelection(s.m_outputMode, "Output", FilterSettings.OUTPUT_MODES.labels()));
        addDialogComponent(new DialogComponentString(s.m_anomalyColumn, "Anomaly column name", false, 20));
        closeCurrentGroup();

        s.m_rule.addChangeListener(e -> enableParameters(s));
        s.m_outputMode.addChangeListener(e -> enableParameters(s));
        enableParameters(s);
    }

    private static void enableParameters(final FilterSettings s) {
        RuleKind rule;
        OutputMode mode;
        try {
            rule = s.ruleKind();
            mode = s.outputMode();
        } catch (InvalidSettingsException e) {
            return;
        }
        enable(s.m_percentile, rule == RuleKind.PERCENTILE);
        enable(s.m_contamination, rule == RuleKind.CONTAMINATION);
        enable(s.m_fixed, rule == RuleKind.FIXED);
        enable(s.m_kSd, rule == RuleKind.MEAN_K_SD);
        enable(s.m_kMad, rule == RuleKind.MEDIAN_K_MAD);
        enable(s.m_kIqr, rule == RuleKind.IQR);
        enable(s.m_trainingQuantile, rule == RuleKind.TRAINING_QUANTILE);
        s.m_anomalyColumn.setEnabled(mode == OutputMode.APPEND_COLUMN);
    }

    private static void enable(final SettingsModelDouble model, final boolean enabled) {
        model.setEnabled(enabled);
    }
}
