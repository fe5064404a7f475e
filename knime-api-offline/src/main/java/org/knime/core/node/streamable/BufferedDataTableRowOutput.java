package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;

/**
 * Offline stand-in for KNIME's BufferedDataTableRowOutput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/BufferedDataTableRowOutput.java); behaviour simplified for tests.
 */
public class BufferedDataTableRowOutput extends RowOutput {

    private final BufferedDataContainer m_container;

    private BufferedDataTable m_table;

    /** @param bufferedDataContainer where the rows go */
    public BufferedDataTableRowOutput(final BufferedDataContainer bufferedDataContainer) {
        m_container = bufferedDataContainer;
    }

    @Override
    public void push(final DataRow row) throws InterruptedException {
        m_container.addRowToTable(row);
    }

    @Override
    public void close() {
        m_container.close();
        m_table = m_container.getTable();
    }

    /** @return the table, available after {@link #close()} */
    public BufferedDataTable getDataTable() {
        return m_table;
    }
}
