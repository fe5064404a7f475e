package org.aedetect.autoencoder.engine.backend;

/** The requested backend cannot run here; the message says what is missing and what to do. */
public final class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(final String message) {
        super(message);
    }

    public BackendUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
