package org.knime.core.node;

/**
 * Offline stand-in for KNIME's NodeProgressMonitor (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeProgressMonitor.java); behaviour simplified for tests.
 */
public interface NodeProgressMonitor {

    /** @throws CanceledExecutionException if cancel was requested */
    void checkCanceled() throws CanceledExecutionException;

    /** @param progress progress in [0, 1] */
    void setProgress(final double progress);

    /** @return the current progress or null if none was set */
    Double getProgress();

    /** @param progress progress in [0, 1] @param message message */
    void setProgress(final double progress, final String message);

    /** @param message message */
    void setMessage(final String message);

    /** @param message message, progress unchanged */
    void setProgress(final String message);

    /** @return the current message */
    String getMessage();

    /** Requests cancellation. */
    void setExecuteCanceled();

    /** Resets progress, message and cancel flag. */
    void reset();
}
