package org.knime.core.node;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Offline stand-in for KNIME's NodeLogger (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeLogger.java); behaviour simplified for tests:
 * forwards to java.util.logging.
 */
public final class NodeLogger {

    private final Logger m_logger;

    private NodeLogger(final String name) {
        m_logger = Logger.getLogger(name);
    }

    /** @param c the class @return a logger named after it */
    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    /** @param s a name @return a logger of that name */
    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    /** @param o message */
    public void warn(final Object o) {
        m_logger.warning(String.valueOf(o));
    }

    /** @param o message @param t cause */
    public void warn(final Object o, final Throwable t) {
        m_logger.log(Level.WARNING, String.valueOf(o), t);
    }

    /** @param o message */
    public void debug(final Object o) {
        m_logger.fine(String.valueOf(o));
    }

    /** @param supplier message supplier */
    public void debug(final Supplier<Object> supplier) {
        m_logger.fine(() -> String.valueOf(supplier.get()));
    }

    /** @param o message @param t cause */
    public void debug(final Object o, final Throwable t) {
        m_logger.log(Level.FINE, String.valueOf(o), t);
    }

    /** @param o message */
    public void info(final Object o) {
        m_logger.info(String.valueOf(o));
    }

    /** @param o message */
    public void error(final Object o) {
        m_logger.severe(String.valueOf(o));
    }

    /** @param o message @param t cause */
    public void error(final Object o, final Throwable t) {
        m_logger.log(Level.SEVERE, String.valueOf(o), t);
    }

    /** @param o message */
    public void coding(final Object o) {
        m_logger.severe("CODING PROBLEM " + o);
    }

    /** @param format format @param args arguments */
    public void warnWithFormat(final String format, final Object... args) {
        m_logger.warning(() -> String.format(format, args));
    }

    /** @param format format @param args arguments */
    public void debugWithFormat(final String format, final Object... args) {
        m_logger.fine(() -> String.format(format, args));
    }
}
