package org.knime.core.node.streamable;

import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;

/**
 * Offline stand-in for KNIME's DataTableRowInput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/DataTableRowInput.java); behaviour simplified for tests.
 */
public class DataTableRowInput extends RowInput {

    private final DataTableSpec m_spec;

    private final Iterator<DataRow> m_iterator;

    private final long m_rowCount;

    /** @param table the table to stream */
    public DataTableRowInput(final DataTable table) {
        m_spec = table.getDataTableSpec();
        m_iterator = table.iterator();
        m_rowCount = table instanceof BufferedDataTable ? ((BufferedDataTable)table).size() : -1;
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataRow poll() throws InterruptedException {
        return m_iterator.hasNext() ? m_iterator.next() : null;
    }

    @Override
    public void close() {
        // nothing to release in memory
    }

    /** @return the row count if known, else -1 */
    public long getRowCount() {
        return m_rowCount;
    }
}
