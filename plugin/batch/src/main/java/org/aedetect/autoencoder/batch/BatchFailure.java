package org.aedetect.autoencoder.batch;

/**
 * A run cannot go on because of its input (file, columns, options, model); the message says what is
 * wrong and what to do, in one line, and is all the user sees without {@code --debug}.
 */
final class BatchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchFailure(final String message) {
        super(message);
    }

    BatchFailure(final String message, final Throwable cause) {
        super(message, cause);
    }
}
