package org.aedetect.autoencoder.engine;

/**
 * The network does not fit into the memory this Java process may use. Thrown before anything is
 * allocated when the estimate already says so, or in place of an {@link OutOfMemoryError} during
 * training; the message names the size and the memory settings to change (-Xmx in knime.ini, and
 * JavaCPP's off-heap limit {@value MemoryBudget#MAX_BYTES_PROPERTY}).
 */
public final class InsufficientMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InsufficientMemoryException(final String message) {
        super(message);
    }

    public InsufficientMemoryException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
