package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Offline stand-in for KNIME's DefaultNodeProgressMonitor (knime-core org.knime.core/src/eclipse/org/knime/core/node/DefaultNodeProgressMonitor.java); behaviour simplified for tests.
 */
public class DefaultNodeProgressMonitor implements NodeProgressMonitor {

    private volatile boolean m_canceled;

    private Double m_progress;

    private String m_message;

    private final List<String> m_messages = new ArrayList<>();

    /** Creates a monitor with no progress. */
    public DefaultNodeProgressMonitor() {
    }

    @Override
    public synchronized void reset() {
        m_canceled = false;
        m_progress = null;
        m_message = null;
        m_messages.clear();
    }

    @Override
    public void checkCanceled() throws CanceledExecutionException {
        if (m_canceled) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    @Override
    public void setExecuteCanceled() {
        m_canceled = true;
    }

    @Override
    public synchronized void setProgress(final double progress, final String message) {
        setProgress(progress);
        setMessage(message);
    }

    /** @param progress progress in [0, 1] @param message message supplier */
    public synchronized void setProgress(final double progress, final Supplier<String> message) {
        setProgress(progress, message == null ? null : message.get());
    }

    @Override
    public synchronized void setProgress(final double progress) {
        if (progress >= 0 && progress <= 1) {
            m_progress = progress;
        }
    }

    @Override
    public synchronized void setMessage(final String message) {
        m_message = message;
        if (message != null) {
            m_messages.add(message);
        }
    }

    /** @param message message supplier */
    public synchronized void setMessage(final Supplier<String> message) {
        setMessage(message == null ? null : message.get());
    }

    @Override
    public synchronized void setProgress(final String message) {
        setMessage(message);
    }

    @Override
    public synchronized Double getProgress() {
        return m_progress;
    }

    @Override
    public synchronized String getMessage() {
        return m_message;
    }

    /**
     * Stand-in semantics: every non-null message set since the last reset, in order (for tests).
     *
     * @return the messages
     */
    public synchronized List<String> getMessages() {
        return new ArrayList<>(m_messages);
    }
}
