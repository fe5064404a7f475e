package org.knime.core.node;

import java.util.List;
import java.util.function.Supplier;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.JoinedRow;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Offline stand-in for KNIME's BufferedDataTable (knime-core org.knime.core/src/eclipse/org/knime/core/node/BufferedDataTable.java); behaviour simplified for tests.
 */
public final class BufferedDataTable implements DataTable, PortObject {

    /** The port type of data tables. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    /** The port type of optional data tables. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final DataTableSpec m_spec;

    private final long m_size;

    /** Stand-in detail: opens the rows, either a stored list or two tables joined while they are read. */
    private final Supplier<CloseableRowIterator> m_rows;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        List<DataRow> stored = List.copyOf(rows);
        m_spec = spec;
        m_size = stored.size();
        m_rows = () -> CloseableRowIterator.from(stored.iterator());
    }

    private BufferedDataTable(final DataTableSpec spec, final long size, final Supplier<CloseableRowIterator> rows) {
        m_spec = spec;
        m_size = size;
        m_rows = rows;
    }

    /**
     * Stand-in detail: the table behind {@link ExecutionContext#createJoinedTable}, which has checked the row
     * counts, the row keys and the spec. It references both tables; each row is joined when it is read.
     *
     * @param spec the joined spec
     * @param left the first columns
     * @param right the further columns, same row keys in the same order
     * @return the joined table
     */
    static BufferedDataTable joined(final DataTableSpec spec, final BufferedDataTable left,
        final BufferedDataTable right) {
        return new BufferedDataTable(spec, left.size(), () -> new CloseableRowIterator() {
            private final CloseableRowIterator m_left = left.iterator();

            private final CloseableRowIterator m_right = right.iterator();

            @Override
            public boolean hasNext() {
                return m_left.hasNext();
            }

            @Override
            public DataRow next() {
                return new JoinedRow(m_left.next(), m_right.next());
            }

            @Override
            public void close() {
                m_left.close();
                m_right.close();
            }
        });
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return "Rows: " + m_size + ", Cols: " + m_spec.getNumColumns();
    }

    @Override
    public CloseableRowIterator iterator() {
        return m_rows.get();
    }

    /**
     * @return the row count as int
     * @deprecated as in KNIME, use {@link #size()}
     */
    @Deprecated
    public int getRowCount() {
        return Math.toIntExact(m_size);
    }

    /** @return the row count */
    public long size() {
        return m_size;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return getSummary();
    }
}
