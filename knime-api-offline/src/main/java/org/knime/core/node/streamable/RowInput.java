package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;

/**
 * Offline stand-in for KNIME's RowInput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/RowInput.java); behaviour simplified for tests.
 */
public abstract class RowInput extends PortInput {

    /** @return the spec of the rows */
    public abstract DataTableSpec getDataTableSpec();

    /**
     * @return the next row or null at the end
     * @throws InterruptedException if interrupted
     */
    public abstract DataRow poll() throws InterruptedException;

    /** Releases the input. */
    public abstract void close();
}
