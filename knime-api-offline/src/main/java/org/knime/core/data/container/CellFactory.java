package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Offline stand-in for KNIME's CellFactory (knime-core org.knime.core/src/eclipse/org/knime/core/data/container/CellFactory.java); behaviour simplified for tests.
 */
public interface CellFactory {

    /**
     * @param row the input row
     * @return the new cells, one per column spec
     */
    default DataCell[] getCells(final DataRow row) {
        throw new UnsupportedOperationException("No implementation for either of the CellFactory#getCells method provided.");
    }

    /**
     * @param row the input row
     * @param rowIndex its index
     * @return the new cells, one per column spec
     */
    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    /** @return the specs of the new columns */
    DataColumnSpec[] getColumnSpecs();

    /**
     * @param curRowNr current row
     * @param rowCount all rows
     * @param lastKey last key processed
     * @param exec for progress
     * @deprecated as in KNIME, use the long variant of AbstractCellFactory
     */
    @Deprecated
    void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey, final ExecutionMonitor exec);
}
