package org.knime.core.node;

/**
 * Offline stand-in for KNIME's CanceledExecutionException (knime-core org.knime.core/src/eclipse/org/knime/core/node/CanceledExecutionException.java); behaviour simplified for tests.
 */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without message. */
    public CanceledExecutionException() {
    }

    /** @param s the message */
    public CanceledExecutionException(final String s) {
        super(s);
    }
}
