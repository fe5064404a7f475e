package org.aedetect.autoencoder.node.learner;

import java.util.Locale;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.aedetect.autoencoder.engine.TrainingListener;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Shows training progress per epoch in KNIME's progress bar and passes the user's cancel to the trainer. */
final class EpochProgress implements TrainingListener {

    private final ExecutionMonitor m_exec;

    private final int m_epochs;

    /**
     * @param exec where progress goes and cancel comes from
     * @param epochs the number of epochs asked for
     */
    EpochProgress(final ExecutionMonitor exec, final int epochs) {
        m_exec = exec;
        m_epochs = epochs;
    }

    @Override
    public void onMiniBatch(final int epoch, final long rowsDone, final long rowsPerEpoch) {
        if (rowsPerEpoch > 0) {
            m_exec.setProgress((epoch - 1 + rowsDone / (double)rowsPerEpoch) / m_epochs);
        }
    }

    @Override
    public void onEpoch(final EpochEvent event) {
        m_exec.setProgress(event.epoch() / (double)event.totalEpochs(), message(event));
    }

    static String message(final EpochEvent event) {
        String text = String.format(Locale.ROOT, "Epoch %d/%d – loss %.4g", event.epoch(), event.totalEpochs(),
            event.trainingLoss());
        if (!Double.isNaN(event.validationLoss())) {
            text += String.format(Locale.ROOT, ", validation %.4g", event.validationLoss());
        }
        return text;
    }

    @Override
    public boolean isCanceled() {
        try {
            m_exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }
}
