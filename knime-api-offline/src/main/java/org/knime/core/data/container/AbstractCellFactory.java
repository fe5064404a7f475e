package org.knime.core.data.container;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Offline stand-in for KNIME's AbstractCellFactory (knime-core org.knime.core/src/eclipse/org/knime/core/data/container/AbstractCellFactory.java); behaviour simplified for tests.
 */
public abstract class AbstractCellFactory implements CellFactory {

    private final DataColumnSpec[] m_colSpecs;

    private boolean m_parallel;

    /** @param colSpecs the new columns */
    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        this(false, colSpecs);
    }

    /**
     * @param processConcurrently whether rows may be processed concurrently (ignored offline)
     * @param colSpecs the new columns
     */
    public AbstractCellFactory(final boolean processConcurrently, final DataColumnSpec... colSpecs) {
        if (colSpecs == null || colSpecs.length == 0) {
            throw new IllegalArgumentException("Column specs must not be empty.");
        }
        m_colSpecs = colSpecs.clone();
        m_parallel = processConcurrently;
    }

    /** @param value whether rows may be processed concurrently (ignored offline) */
    public final void setParallelProcessing(final boolean value) {
        m_parallel = value;
    }

    /** @return whether parallel processing was requested */
    public final boolean isParallelProcessing() {
        return m_parallel;
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_colSpecs.clone();
    }

    /** Called after all rows have been processed. */
    public void afterProcessing() {
        // hook
    }

    @Override
    @Deprecated
    public void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey, final ExecutionMonitor exec) {
        setProgress((long)curRowNr, (long)rowCount, lastKey, exec);
    }

    /**
     * @param curRowNr current row
     * @param rowCount all rows
     * @param lastKey last key processed
     * @param exec for progress
     */
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey, final ExecutionMonitor exec) {
        exec.setProgress(curRowNr / (double)rowCount, () -> "Processed row " + curRowNr + "/" + rowCount + " (\"" + lastKey + "\")");
    }
}
