package org.aedetect.autoencoder.engine;

/**
 * The input rows cannot be used as they are (infinite or too large values, missing values under the
 * Fail policy, no usable rows); the message names the column and row where one is to blame.
 */
public final class InvalidDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(final String message) {
        super(message);
    }
}
