package org.aedetect.autoencoder.engine;

import java.io.IOException;

/**
 * A model file cannot be read: it is empty, truncated, corrupt, not a model file at all, or written by
 * a newer version of the extension. An {@link IOException}, so that it travels through the usual
 * load paths; the message says what is wrong and what to do.
 */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(final String message) {
        super(message);
    }

    public ModelFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
