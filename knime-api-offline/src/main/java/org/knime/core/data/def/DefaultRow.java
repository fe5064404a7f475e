package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/**
 * Offline stand-in for KNIME's DefaultRow (knime-core org.knime.core/src/eclipse/org/knime/core/data/def/DefaultRow.java); behaviour simplified for tests.
 */
public class DefaultRow implements DataRow {

    private final RowKey m_key;

    private final DataCell[] m_cells;

    /**
     * @param rowKey key
     * @param row cells
     */
    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        m_key = Objects.requireNonNull(rowKey, "Row key must not be null.");
        m_cells = row.clone();
        for (int i = 0; i < m_cells.length; i++) {
            if (m_cells[i] == null) {
                throw new NullPointerException("Cell at index " + i + " is null.");
            }
        }
    }

    /**
     * @param rowId key
     * @param row cells
     */
    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowId key
     * @param row cells
     */
    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(new RowKey(rowId), row.toArray(new DataCell[0]));
    }

    /**
     * @param rowKey key
     * @param row cells
     */
    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    /**
     * @param rowKey key
     * @param row double values
     */
    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, Arrays.stream(row).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    /**
     * @param rowId key
     * @param row double values
     */
    public DefaultRow(final String rowId, final double... row) {
        this(new RowKey(rowId), row);
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_cells).iterator();
    }

    @Override
    public String toString() {
        return m_key + ": " + Arrays.toString(m_cells);
    }
}
