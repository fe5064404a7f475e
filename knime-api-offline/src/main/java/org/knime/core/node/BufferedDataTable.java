package org.knime.core.node;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.swing.JComponent;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.UnmaterializedCell;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.filter.CloseableDataRowIterable;
import org.knime.core.data.container.filter.TableFilter;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.JoinedRow;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.offline.testing.TableReads;

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

    /** Stand-in detail: the rows of a stored table, null for a joined one. */
    private final List<DataRow> m_stored;

    /** Stand-in detail: a stored table's rows as {@link #filter} hands them out, per set of materialized columns. */
    private final Map<Set<Integer>, List<DataRow>> m_filtered = new ConcurrentHashMap<>();

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_stored = List.copyOf(rows);
        m_spec = spec;
        m_size = m_stored.size();
        m_rows = () -> CloseableRowIterator.from(m_stored.iterator());
    }

    private BufferedDataTable(final DataTableSpec spec, final long size, final Supplier<CloseableRowIterator> rows) {
        m_spec = spec;
        m_size = size;
        m_rows = rows;
        m_stored = null;
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
        return iterate(null);
    }

    /** Stand-in detail: opens the rows and records which columns are read ({@link TableReads}). */
    private CloseableRowIterator iterate(final Set<Integer> materialized) {
        TableReads.record(this, materialized);
        return m_rows.get();
    }

    /**
     * The rows with only the filter's columns materialized. Stand-in detail: the other cells are always
     * {@link UnmaterializedCell}s, as when KNIME reads a table from disk (KNIME's in-memory tables may hand out all
     * cells), so that a test notices a node reading a column it did not ask for. A stored table makes its filtered
     * rows once per column set and hands out the same rows on later iterations, so that reading them costs what
     * reading its own rows does.
     *
     * @param filter the columns to materialize
     * @return the filtered rows, as often as iterated
     * @throws IndexOutOfBoundsException if a column index is not in the spec
     */
    public CloseableDataRowIterable filter(final TableFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("Argument must not be null.");
        }
        final Set<Integer> columns = filter.getMaterializeColumnIndices().orElse(null);
        if (columns == null) {
            return this::iterator;
        }
        final boolean[] materialized = new boolean[m_spec.getNumColumns()];
        for (final int index : columns) {
            if (index < 0 || index >= materialized.length) {
                throw new IndexOutOfBoundsException("Column index " + index + " out of range [0, "
                    + materialized.length + ")");
            }
            materialized[index] = true;
        }
        return () -> {
            final CloseableRowIterator all = iterate(columns);
            final Iterator<DataRow> rows = m_stored == null ? null
                : m_filtered.computeIfAbsent(Set.copyOf(columns), c -> m_stored.stream()
                    .map(row -> materialize(row, materialized)).toList()).iterator();
            return new CloseableRowIterator() {
                @Override
                public boolean hasNext() {
                    return rows != null ? rows.hasNext() : all.hasNext();
                }

                @Override
                public DataRow next() {
                    return rows != null ? rows.next() : materialize(all.next(), materialized);
                }

                @Override
                public void close() {
                    all.close();
                }
            };
        };
    }

    /** Stand-in detail: a copy of {@code row} with unmaterialized cells where {@code materialized} is false. */
    private static DataRow materialize(final DataRow row, final boolean[] materialized) {
        final DataCell[] cells = new DataCell[row.getNumCells()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = materialized[c] ? row.getCell(c) : UnmaterializedCell.getInstance();
        }
        return new DefaultRow(row.getKey(), cells);
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
