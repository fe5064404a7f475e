package org.aedetect.autoencoder.node.learner;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/**
 * The learner's dialog, in KNIME's usual order: input columns first, then architecture and training, then an
 * advanced tab. The labels are the option names of the node description.
 */
final class AutoencoderLearnerNodeDialog extends DefaultNodeSettingsPane {

    AutoencoderLearnerNodeDialog() {
        LearnerSettings s = new LearnerSettings();
        createNewGroup("Input columns");
        addDialogComponent(new DialogComponentColumnFilter2(s.m_columns, 0));
        closeCurrentGroup();

        createNewGroup("Architecture");
        addDialogComponent(new DialogComponentString(s.m_hiddenLayers, "Hidden layer sizes", true, 12));
        addDialogComponent(new DialogComponentStringSelection(s.m_hiddenActivation, "Hidden activation",
            LearnerSettings.HIDDEN_ACTIVATIONS.labels()));
        addDialogComponent(new DialogComponentStringSelection(s.m_outputActivation, "Output activation",
            LearnerSettings.OUTPUT_ACTIVATIONS.labels()));
        addDialogComponent(new DialogComponentNumber(s.m_dropout, "Dropout", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_l2, "L2 regularization", 0.0001));
        closeCurrentGroup();

        createNewGroup("Training");
        addDialogComponent(
            new DialogComponentStringSelection(s.m_loss, "Loss", LearnerSettings.LOSSES.labels()));
        addDialogComponent(
            new DialogComponentStringSelection(s.m_optimizer, "Optimizer", LearnerSettings.OPTIMIZERS.labels()));
        addDialogComponent(new DialogComponentNumber(s.m_learningRate, "Learning rate", 0.0001));
        addDialogComponent(new DialogComponentNumber(s.m_epochs, "Epochs", 10));
        addDialogComponent(new DialogComponentNumber(s.m_batchSize, "Batch size", 16));
        addDialogComponent(new DialogComponentNumber(s.m_validationFraction, "Validation fraction", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_patience, "Early stopping patience", 1));
        closeCurrentGroup();

        createNewTab("Advanced");
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Random seed", 1));
        addDialogComponent(new DialogComponentStringSelection(s.m_normalization, "Normalization",
            LearnerSettings.NORMALIZATIONS.labels()));
        addDialogComponent(new DialogComponentStringSelection(s.m_missingValues, "Missing values",
            LearnerSettings.MISSING_VALUE_POLICIES.labels()));
        addDialogComponent(new DialogComponentNumber(s.m_noise, "Denoising noise (standard deviation)", 0.01));
        addDialogComponent(new DialogComponentStringSelection(s.m_backend, "Backend", LearnerSettings.BACKENDS));
    }
}
