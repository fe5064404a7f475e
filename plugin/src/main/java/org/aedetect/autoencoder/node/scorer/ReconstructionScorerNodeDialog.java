package org.aedetect.autoencoder.node.scorer;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The scorer's dialog; the labels are the option names of the node description. */
final class ReconstructionScorerNodeDialog extends DefaultNodeSettingsPane {

    ReconstructionScorerNodeDialog() {
        ScorerSettings s = new ScorerSettings();
        addDialogComponent(new DialogComponentString(s.m_errorColumn, "Error column name", true, 20));
        addDialogComponent(
            new DialogComponentStringSelection(s.m_metric, "Error metric", ScorerSettings.METRICS.labels()));
        addDialogComponent(new DialogComponentBoolean(s.m_columnErrors, "Append per-column errors"));
        addDialogComponent(new DialogComponentBoolean(s.m_percentile, "Append training percentile"));
    }
}
