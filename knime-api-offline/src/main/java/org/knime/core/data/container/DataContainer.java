package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;

/**
 * Offline stand-in for KNIME's DataContainer (knime-core org.knime.core/src/eclipse/org/knime/core/data/container/DataContainer.java); behaviour simplified for tests.
 */
public class DataContainer implements RowAppender {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    /** The keys seen so far; null when the settings turn the duplicate check off. */
    private final Set<String> m_keys;

    private boolean m_closed;

    /**
     * In KNIME public but not for clients (nodes use {@code ExecutionContext.createDataContainer(spec, settings)});
     * here it serves that method.
     *
     * @param spec the spec of the rows to come
     * @param settings offline, only whether row keys are checked for duplicates matters
     */
    public DataContainer(final DataTableSpec spec, final DataContainerSettings settings) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null!");
        }
        if (settings == null) {
            throw new NullPointerException("Settings must not be null!");
        }
        m_spec = spec;
        m_keys = settings.isCheckDuplicateRowKeys() ? new HashSet<>() : null;
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Cannot add rows to a closed container.");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey() + "\" is not equal to length of "
                + "column names array: " + row.getNumCells() + " vs. " + m_spec.getNumColumns());
        }
        for (int c = 0; c < row.getNumCells(); c++) {
            DataCell cell = row.getCell(c);
            DataColumnSpec col = m_spec.getColumnSpec(c);
            if (!cell.isMissing() && !col.getType().getCellClass().isInstance(cell)) {
                throw new IllegalArgumentException("Runtime class of object \"" + cell + "\" (index " + c
                    + ") in row \"" + row.getKey() + "\" is " + cell.getType() + " and does not comply with its "
                    + "supposed superclass " + col.getType());
            }
        }
        if (m_keys != null && !m_keys.add(row.getKey().getString())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    /** Closes the container; no rows can be added afterwards. */
    public void close() {
        m_closed = true;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return m_closed;
    }

    /** @return whether rows can still be added */
    public boolean isOpen() {
        return !m_closed;
    }

    /** @return number of rows added so far */
    public long size() {
        return m_rows.size();
    }

    /** @return the spec */
    public DataTableSpec getTableSpec() {
        return m_spec;
    }

    /** @return the table; the container must be closed */
    public DataTable getTable() {
        if (!m_closed) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        List<DataRow> rows = Collections.unmodifiableList(m_rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return m_spec;
            }

            @Override
            public RowIterator iterator() {
                return CloseableRowIterator.from(rows.iterator());
            }
        };
    }

    /**
     * Stand-in detail: the rows collected, for subclasses building a table.
     *
     * @return the rows (unmodifiable)
     */
    protected final List<DataRow> getRows() {
        return Collections.unmodifiableList(m_rows);
    }
}
