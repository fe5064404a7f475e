package org.knime.core.data.def;

import java.util.Iterator;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/**
 * Offline stand-in for KNIME's JoinedRow (knime-core org.knime.core/src/eclipse/org/knime/core/data/def/JoinedRow.java); behaviour simplified for tests.
 */
public class JoinedRow implements DataRow {

    private final DataRow m_left;

    private final DataRow m_right;

    /**
     * A row with the cells of {@code left} followed by those of {@code right}; nothing is copied.
     *
     * @param left the row giving the key and the first cells
     * @param right the row giving the further cells
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the keys differ
     */
    public JoinedRow(final DataRow left, final DataRow right) {
        if (!left.getKey().equals(right.getKey())) {
            throw new IllegalArgumentException("Cannot join rows with different keys: \"" + left.getKey()
                + "\" and \"" + right.getKey() + "\"");
        }
        m_left = left;
        m_right = right;
    }

    @Override
    public int getNumCells() {
        return m_left.getNumCells() + m_right.getNumCells();
    }

    @Override
    public RowKey getKey() {
        return m_left.getKey();
    }

    @Override
    public DataCell getCell(final int index) {
        int leftCells = m_left.getNumCells();
        return index < leftCells ? m_left.getCell(index) : m_right.getCell(index - leftCells);
    }

    @Override
    public Iterator<DataCell> iterator() {
        return new DefaultCellIterator(this);
    }

    @Override
    public String toString() {
        return m_left + " + " + m_right;
    }
}
