package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Offline stand-in for KNIME's PortObject (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObject.java); behaviour simplified for tests.
 */
public interface PortObject {

    /** Port type of any port object. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    /** Optional port type of any port object. */
    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    /**
     * Saves and loads port objects of one class.
     *
     * @param <T> the port object class
     */
    abstract static class PortObjectSerializer<T extends PortObject> {

        /**
         * @param portObject the object
         * @param out where to write
         * @param exec for progress and cancellation
         * @throws IOException on write failure
         * @throws CanceledExecutionException if canceled
         */
        public abstract void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException;

        /**
         * @param in where to read from
         * @param spec the spec, loaded before
         * @param exec for progress and cancellation
         * @return the object
         * @throws IOException on read failure
         * @throws CanceledExecutionException if canceled
         */
        public abstract T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException;
    }

    /** @return a short summary (tooltip) */
    String getSummary();

    /** @return the spec of this object */
    PortObjectSpec getSpec();

    /** @return views on this object, may be empty */
    public JComponent[] getViews();
}
