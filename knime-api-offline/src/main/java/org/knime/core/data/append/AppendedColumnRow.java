package org.knime.core.data.append;

import java.util.Iterator;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultCellIterator;

/**
 * Offline stand-in for KNIME's AppendedColumnRow (knime-core
 * org.knime.core/src/eclipse/org/knime/core/data/append/AppendedColumnRow.java): a row's cells followed by further
 * cells, under the row's key; the row's cells are not copied. Only the constructor this extension uses.
 */
public class AppendedColumnRow implements DataRow {

    private final DataRow m_baseRow;

    private final DataCell[] m_appended;

    /**
     * @param baseRow the row giving the key and the first cells
     * @param appendCell the cells after those of {@code baseRow} (the array is kept, not copied)
     */
    public AppendedColumnRow(final DataRow baseRow, final DataCell... appendCell) {
        m_baseRow = baseRow;
        m_appended = appendCell;
    }

    @Override
    public int getNumCells() {
        return m_baseRow.getNumCells() + m_appended.length;
    }

    @Override
    public RowKey getKey() {
        return m_baseRow.getKey();
    }

    @Override
    public DataCell getCell(final int index) {
        int base = m_baseRow.getNumCells();
        if (index < 0 || index >= base + m_appended.length) {
            throw new IndexOutOfBoundsException("Index " + index + " out of range [0, " + (getNumCells() - 1) + "]");
        }
        return index < base ? m_baseRow.getCell(index) : m_appended[index - base];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return new DefaultCellIterator(this);
    }
}
