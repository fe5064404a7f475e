package org.knime.core.data.def;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;

/**
 * Offline stand-in for KNIME's DefaultCellIterator (knime-core
 * org.knime.core/src/eclipse/org/knime/core/data/def/DefaultCellIterator.java): the cells of a row in order, read
 * through {@link DataRow#getCell(int)}.
 */
public class DefaultCellIterator implements Iterator<DataCell> {

    private final DataRow m_row;

    private int m_index;

    /**
     * @param row the row to go through
     * @throws NullPointerException if {@code row} is null
     */
    public DefaultCellIterator(final DataRow row) {
        if (row == null) {
            throw new NullPointerException("Row must not be null.");
        }
        m_row = row;
    }

    @Override
    public boolean hasNext() {
        return m_index < m_row.getNumCells();
    }

    @Override
    public DataCell next() {
        if (!hasNext()) {
            throw new NoSuchElementException("Iterator is at end.");
        }
        return m_row.getCell(m_index++);
    }
}
