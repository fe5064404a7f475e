package org.knime.core.node;

/**
 * Offline stand-in for KNIME's InvalidSettingsException (knime-shared org.knime.core.util/src/main/java/org/knime/core/node/InvalidSettingsException.java); behaviour simplified for tests.
 */
public class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param s the message */
    public InvalidSettingsException(final String s) {
        super(s);
    }

    /** @param cause the cause */
    public InvalidSettingsException(final Throwable cause) {
        super(cause);
    }

    /**
     * @param msg the message
     * @param cause the cause
     */
    public InvalidSettingsException(final String msg, final Throwable cause) {
        super(msg, cause);
    }
}
