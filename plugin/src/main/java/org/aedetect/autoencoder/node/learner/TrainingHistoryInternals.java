package org.aedetect.autoencoder.node.learner;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/**
 * The training history kept in the learner's internals, so that its view still shows the loss curves after the
 * workflow is saved and opened again. The keys are stored in saved workflows and must never change.
 */
final class TrainingHistoryInternals {

    static final String FILE_NAME = "training-history.xml";

    static final String CFG_EPOCHS = "epochs";

    static final String CFG_TOTAL_EPOCHS = "total_epochs";

    static final String CFG_TRAINING_LOSS = "training_loss";

    static final String CFG_VALIDATION_LOSS = "validation_loss";

    static final String CFG_SECONDS = "seconds";

    private TrainingHistoryInternals() {
    }

    static void save(final List<EpochEvent> history, final File nodeInternDir) throws IOException {
        int n = history.size();
        int[] epochs = new int[n];
        int[] totals = new int[n];
        double[] training = new double[n];
        double[] validation = new double[n];
        double[] seconds = new double[n];
        for (int i = 0; i < n; i++) {
            EpochEvent e = history.get(i);
            epochs[i] = e.epoch();
            totals[i] = e.totalEpochs();
            training[i] = e.trainingLoss();
            validation[i] = e.validationLoss();
            seconds[i] = e.seconds();
        }
        ModelContent content = new ModelContent(FILE_NAME);
        content.addIntArray(CFG_EPOCHS, epochs);
        content.addIntArray(CFG_TOTAL_EPOCHS, totals);
        content.addDoubleArray(CFG_TRAINING_LOSS, training);
        content.addDoubleArray(CFG_VALIDATION_LOSS, validation);
        content.addDoubleArray(CFG_SECONDS, seconds);
        try (OutputStream out = Files.newOutputStream(new File(nodeInternDir, FILE_NAME).toPath())) {
            content.saveToXML(out);
        }
    }

    /**
     * @param nodeInternDir the node's internals directory
     * @return the history; empty when the node was saved without one (by a version without views)
     * @throws IOException if the file is there but unreadable
     */
    static List<EpochEvent> load(final File nodeInternDir) throws IOException {
        File file = new File(nodeInternDir, FILE_NAME);
        if (!file.isFile()) {
            return List.of();
        }
        ModelContentRO content;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            content = ModelContent.loadFromXML(in);
        }
        try {
            int[] epochs = content.getIntArray(CFG_EPOCHS);
            int[] totals = content.getIntArray(CFG_TOTAL_EPOCHS);
            double[] training = content.getDoubleArray(CFG_TRAINING_LOSS);
            double[] validation = content.getDoubleArray(CFG_VALIDATION_LOSS);
            double[] seconds = content.getDoubleArray(CFG_SECONDS);
            List<EpochEvent> history = new ArrayList<>(epochs.length);
            for (int i = 0; i < epochs.length; i++) {
                history.add(new EpochEvent(epochs[i], totals[i], training[i], validation[i], seconds[i]));
            }
            return List.copyOf(history);
        } catch (InvalidSettingsException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("The saved training history " + file + " is damaged (" + e.getMessage()
                + "); execute the node again.", e);
        }
    }
}
