package org.aedetect.autoencoder.engine;

/**
 * Training ran but could not produce a usable network, for example because the loss became NaN or
 * infinite; the message says what to change.
 */
public final class TrainingFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingFailedException(final String message) {
        super(message);
    }
}
