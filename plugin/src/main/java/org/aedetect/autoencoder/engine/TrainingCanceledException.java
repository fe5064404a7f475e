package org.aedetect.autoencoder.engine;

/**
 * Training stopped because the {@link TrainingListener} asked to cancel; no model exists. Unchecked so
 * that callers which cancel (for example a node honouring the user's cancel) catch it where they care.
 */
public final class TrainingCanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingCanceledException(final String message) {
        super(message);
    }
}
