package org.knime.core.node;

/**
 * Offline stand-in for KNIME's NotConfigurableException (knime-core org.knime.core/src/eclipse/org/knime/core/node/NotConfigurableException.java); behaviour simplified for tests.
 */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param s the message */
    public NotConfigurableException(final String s) {
        super(s);
    }

    /**
     * @param s the message
     * @param cause the cause
     */
    public NotConfigurableException(final String s, final Throwable cause) {
        super(s, cause);
    }
}
