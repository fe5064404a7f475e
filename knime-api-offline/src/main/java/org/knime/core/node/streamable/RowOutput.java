package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;

/**
 * Offline stand-in for KNIME's RowOutput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/RowOutput.java); behaviour simplified for tests.
 */
public abstract class RowOutput extends PortOutput {

    /**
     * @param row the row to emit
     * @throws InterruptedException if interrupted
     */
    public abstract void push(final DataRow row) throws InterruptedException;

    /**
     * @param table all rows to emit
     * @throws InterruptedException if interrupted
     */
    public void setFully(final BufferedDataTable table) throws InterruptedException {
        for (DataRow r : table) {
            push(r);
        }
        close();
    }

    /** @throws InterruptedException if interrupted */
    public abstract void close() throws InterruptedException;
}
