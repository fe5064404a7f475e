package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/**
 * Offline stand-in for KNIME's PortObjectSpec (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectSpec.java); behaviour simplified for tests.
 */
public interface PortObjectSpec {

    /**
     * Saves and loads specs of one class.
     *
     * @param <T> the spec class
     */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {

        /**
         * @param portObjectSpec the spec
         * @param out where to write
         * @throws IOException on write failure
         */
        public abstract void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException;

        /**
         * @param in where to read from
         * @return the spec
         * @throws IOException on read failure
         */
        public abstract T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException;
    }

    /** @return views on this spec, may be empty */
    public JComponent[] getViews();
}
