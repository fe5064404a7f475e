package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Offline stand-in for KNIME's ExecutionMonitor (knime-core org.knime.core/src/eclipse/org/knime/core/node/ExecutionMonitor.java); behaviour simplified for tests.
 */
public class ExecutionMonitor {

    private final NodeProgressMonitor m_progress;

    /** Creates a monitor with its own default progress monitor. */
    public ExecutionMonitor() {
        this(new DefaultNodeProgressMonitor());
    }

    /** @param progress the progress monitor to report to */
    public ExecutionMonitor(final NodeProgressMonitor progress) {
        if (progress == null) {
            throw new NullPointerException("Progress monitor can't be null");
        }
        m_progress = progress;
    }

    /** @return the underlying progress monitor */
    public final NodeProgressMonitor getProgressMonitor() {
        return m_progress;
    }

    /** @throws CanceledExecutionException if cancel was requested */
    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    /** @param progress progress in [0, 1] */
    public void setProgress(final double progress) {
        m_progress.setProgress(progress);
    }

    /** @param progress progress in [0, 1] @param message message */
    public void setProgress(final double progress, final String message) {
        m_progress.setProgress(progress, message);
    }

    /** @param progress progress in [0, 1] @param messageSupplier message supplier */
    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        m_progress.setProgress(progress, messageSupplier == null ? null : messageSupplier.get());
    }

    /** @param message message */
    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    /** @param messageSupplier message supplier */
    public void setMessage(final Supplier<String> messageSupplier) {
        m_progress.setMessage(messageSupplier == null ? null : messageSupplier.get());
    }

    /** @param message message, progress unchanged */
    public void setProgress(final String message) {
        m_progress.setProgress(message);
    }

    /**
     * @param maxProg the share of this monitor's progress the sub monitor covers
     * @return a sub monitor
     */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubProgressMonitor(m_progress, maxProg, false));
    }

    /**
     * @param maxProg the share of this monitor's progress the sub monitor covers
     * @return a sub monitor whose messages are not forwarded
     */
    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(new SubProgressMonitor(m_progress, maxProg, true));
    }

    /** Forwards scaled progress increments (and, unless silent, messages) to a parent monitor. */
    static final class SubProgressMonitor implements NodeProgressMonitor {

        private final NodeProgressMonitor m_parent;

        private final double m_max;

        private final boolean m_silent;

        private double m_last;

        private String m_message;

        SubProgressMonitor(final NodeProgressMonitor parent, final double max, final boolean silent) {
            if (max < 0 || max > 1) {
                throw new IllegalArgumentException("Invalid sub progress size: " + max);
            }
            m_parent = parent;
            m_max = max;
            m_silent = silent;
        }

        @Override
        public void checkCanceled() throws CanceledExecutionException {
            m_parent.checkCanceled();
        }

        @Override
        public synchronized void setProgress(final double progress) {
            if (progress < 0 || progress > 1) {
                return;
            }
            Double parent = m_parent.getProgress();
            double base = parent == null ? 0 : parent;
            m_parent.setProgress(Math.min(1, Math.max(0, base + (progress - m_last) * m_max)));
            m_last = progress;
        }

        @Override
        public synchronized Double getProgress() {
            return m_last;
        }

        @Override
        public void setProgress(final double progress, final String message) {
            setProgress(progress);
            setMessage(message);
        }

        @Override
        public synchronized void setMessage(final String message) {
            m_message = message;
            if (!m_silent) {
                m_parent.setMessage(message);
            }
        }

        @Override
        public void setProgress(final String message) {
            setMessage(message);
        }

        @Override
        public synchronized String getMessage() {
            return m_message;
        }

        @Override
        public void setExecuteCanceled() {
            m_parent.setExecuteCanceled();
        }

        @Override
        public synchronized void reset() {
            m_last = 0;
            m_message = null;
        }
    }
}
