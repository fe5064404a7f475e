package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;

/**
 * Offline stand-in for KNIME's SingleCellFactory (knime-core org.knime.core/src/eclipse/org/knime/core/data/container/SingleCellFactory.java); behaviour simplified for tests.
 */
public abstract class SingleCellFactory extends AbstractCellFactory {

    /** @param newColSpec the new column */
    public SingleCellFactory(final DataColumnSpec newColSpec) {
        super(newColSpec);
    }

    /**
     * @param processConcurrently whether rows may be processed concurrently (ignored offline)
     * @param newColSpec the new column
     */
    public SingleCellFactory(final boolean processConcurrently, final DataColumnSpec newColSpec) {
        super(processConcurrently, newColSpec);
    }

    @Override
    public DataCell[] getCells(final DataRow row, final long rowIndex) {
        return new DataCell[]{getCell(row, rowIndex)};
    }

    /**
     * @param row input row
     * @return the new cell
     */
    public DataCell getCell(final DataRow row) {
        throw new UnsupportedOperationException("No implementation for either of the SingleCellFactory#getCell methods provided.");
    }

    /**
     * @param row input row
     * @param rowIndex its index
     * @return the new cell
     */
    public DataCell getCell(final DataRow row, final long rowIndex) {
        return getCell(row);
    }
}
