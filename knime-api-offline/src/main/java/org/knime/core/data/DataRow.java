package org.knime.core.data;

/**
 * Offline stand-in for KNIME's DataRow (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataRow.java); behaviour simplified for tests.
 */
public interface DataRow extends Iterable<DataCell> {

    /** @return the number of cells */
    int getNumCells();

    /** @return the row key */
    RowKey getKey();

    /**
     * @param index the cell index
     * @return the cell
     */
    DataCell getCell(final int index);
}
