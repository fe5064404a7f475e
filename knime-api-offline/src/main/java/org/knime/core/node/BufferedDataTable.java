package org.knime.core.node;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

    /**
     * Stand-in detail: opens the rows of a stored list or of two tables joined while they are read, with the given
     * columns materialized (null: all).
     */
    private final Function<Set<Integer>, CloseableRowIterator> m_open;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        final List<DataRow> stored = List.copyOf(rows);
        // filtered rows are made once per column set, so that reading them costs what reading the rows does
        final Map<Set<Integer>, List<DataRow>> filtered = new ConcurrentHashMap<>();
        m_spec = spec;
        m_size = stored.size();
        m_open = columns -> CloseableRowIterator.from((columns == null ? stored
            : filtered.computeIfAbsent(columns, c -> materialize(stored, c, spec.getNumColumns()))).iterator());
    }

    private BufferedDataTable(final DataTableSpec spec, final long size,
        final Function<Set<Integer>, CloseableRowIterator> open) {
        m_spec = spec;
        m_size = size;
        m_open = open;
    }

    /**
     * Stand-in detail: the table behind {@link ExecutionContext#createJoinedTable}, which has checked the row
     * counts, the row keys and the spec. It references both tables; each row is joined when it is read, and a
     * filter is split between the two tables, as KNIME's joined table does.
     *
     * @param spec the joined spec
     * @param left the first columns
     * @param right the further columns, same row keys in the same order
     * @return the joined table
     */
    static BufferedDataTable joined(final DataTableSpec spec, final BufferedDataTable left,
        final BufferedDataTable right) {
        final int leftColumns = left.getDataTableSpec().getNumColumns();
        return new BufferedDataTable(spec, left.size(), columns -> new CloseableRowIterator() {
            private final CloseableRowIterator m_left = columns == null ? left.iterator() : left.filter(
                TableFilter.materializeCols(columns.stream().filter(c -> c < leftColumns).mapToInt(c -> c).toArray()))
                .iterator();

            private final CloseableRowIterator m_right = columns == null ? right.iterator() : right.filter(
                TableFilter.materializeCols(columns.stream().filter(c -> c >= leftColumns)
                    .mapToInt(c -> c - leftColumns).toArray())).iterator();

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

    /**
     * Stand-in detail: the rows for reading their keys only, recorded as a read of no column (as KNIME's join check
     * reads them, through a filter that materializes none), but without making filtered copies: the tables a node
     * joins are new on every execution, and copying them would be a cost KNIME does not have.
     */
    CloseableRowIterator keys() {
        TableReads.record(this, Set.of());
        return m_open.apply(null);
    }

    /** Stand-in detail: opens the rows and records which columns are read ({@link TableReads}). */
    private CloseableRowIterator iterate(final Set<Integer> materialized) {
        TableReads.record(this, materialized);
        return m_open.apply(materialized);
    }

    /**
     * The rows with only the filter's columns materialized. Stand-in detail: the other cells are always
     * {@link UnmaterializedCell}s, as KNIME's columnar backend hands them out (its row-based backend hands out
     * whole rows), so that a test notices a node reading a column it did not ask for. A stored table makes its
     * filtered rows once per column set and hands out the same rows on later iterations.
     *
     * @param filter the columns to materialize
     * @return the filtered rows, as often as iterated
     * @throws IndexOutOfBoundsException if a column index is not in the spec
     */
    public CloseableDataRowIterable filter(final TableFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("Argument must not be null.");
        }
        // the stand-in's filters always name their columns
        final Set<Integer> columns = filter.getMaterializeColumnIndices().orElseThrow();
        for (final int index : columns) {
            if (index < 0 || index >= m_spec.getNumColumns()) {
                throw new IndexOutOfBoundsException("Column index " + index + " out of range [0, "
                    + m_spec.getNumColumns() + ")");
            }
        }
        return () -> iterate(columns);
    }

    /** Stand-in detail: copies of {@code rows} with unmaterialized cells outside {@code columns}. */
    private static List<DataRow> materialize(final List<DataRow> rows, final Set<Integer> columns,
        final int width) {
        final boolean[] materialized = new boolean[width];
        columns.forEach(c -> materialized[c] = true);
        return rows.stream().map(row -> {
            final DataCell[] cells = new DataCell[width];
            for (int c = 0; c < width; c++) {
                cells[c] = materialized[c] ? row.getCell(c) : UnmaterializedCell.getInstance();
            }
            return (DataRow)new DefaultRow(row.getKey(), cells);
        }).toList();
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
