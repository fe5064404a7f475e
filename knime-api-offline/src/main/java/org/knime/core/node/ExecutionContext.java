package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.DataContainerSettings;
import org.knime.core.node.streamable.StreamableFunction;

/**
 * Offline stand-in for KNIME's ExecutionContext (knime-core org.knime.core/src/eclipse/org/knime/core/node/ExecutionContext.java); behaviour simplified for tests.
 */
public class ExecutionContext extends ExecutionMonitor {

    /**
     * Stand-in only (the real constructors take KNIME's internal Node): a context reporting to the given monitor.
     *
     * @param progMon the progress monitor
     */
    public ExecutionContext(final NodeProgressMonitor progMon) {
        super(progMon);
    }

    /**
     * @param spec the spec of the table to create
     * @return a new, open container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return createDataContainer(spec, DataContainerSettings.builder().build());
    }

    /**
     * @param spec the spec of the table to create
     * @param settings from {@link DataContainerSettings#builder()}; offline only the duplicate check matters
     * @return a new, open container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final DataContainerSettings settings) {
        return new BufferedDataContainer(spec, settings);
    }

    /**
     * @param table any table
     * @param subProgressMon for progress and cancellation
     * @return a buffered copy
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable) {
            return (BufferedDataTable)table;
        }
        BufferedDataContainer c = createDataContainer(table.getDataTableSpec());
        for (DataRow row : table) {
            subProgressMon.checkCanceled();
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param in the input table
     * @param rearranger the column changes
     * @param subProgressMon for progress and cancellation
     * @return the rearranged table
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in, final ColumnRearranger rearranger,
        final ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        StreamableFunction function = rearranger.createStreamableFunction();
        List<DataRow> rows = new ArrayList<>();
        long size = in.size();
        long index = 0;
        for (DataRow row : in) {
            subProgressMon.checkCanceled();
            try {
                rows.add(function.compute(row, index));
            } catch (CanceledExecutionException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            index++;
            subProgressMon.setProgress(index / (double)Math.max(1, size));
        }
        function.finish();
        BufferedDataContainer c = createDataContainer(rearranger.createSpec());
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /**
     * Joins two tables column-wise: the columns of {@code left}, then those of {@code right}. Both must have the same
     * rows: the same count and equal row keys in the same order. As in KNIME, no row is copied: the result references
     * both tables and joins each row when it is read. The keys are checked here, in one pass over both tables.
     *
     * @param left the table giving the first columns and the row keys
     * @param right the table giving the further columns
     * @param exec for progress and cancellation of the key check
     * @return the joined table
     * @throws CanceledExecutionException if canceled
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the tables share a column name or their rows do not match
     */
    public BufferedDataTable createJoinedTable(final BufferedDataTable left, final BufferedDataTable right,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        Objects.requireNonNull(left, "Left table must not be null.");
        Objects.requireNonNull(right, "Right table must not be null.");
        Objects.requireNonNull(exec, "Execution monitor must not be null.");
        long size = left.size();
        if (size != right.size()) {
            throw new IllegalArgumentException("Cannot join tables with different row counts: " + size + " and "
                + right.size() + ".");
        }
        DataTableSpec spec = new DataTableSpec(left.getDataTableSpec(), right.getDataTableSpec());
        // as KNIME's check does: the keys only, no cells materialized
        try (CloseableRowIterator l = left.keys(); CloseableRowIterator r = right.keys()) {
            for (long index = 0; l.hasNext(); index++) {
                exec.checkCanceled();
                RowKey leftKey = l.next().getKey();
                RowKey rightKey = r.next().getKey();
                if (!leftKey.equals(rightKey)) {
                    throw new IllegalArgumentException("Cannot join tables whose rows differ or are in another "
                        + "order: row " + index + " has key \"" + leftKey + "\" on the left and \"" + rightKey
                        + "\" on the right.");
                }
                if ((index & 1023) == 1023) {
                    exec.setProgress((index + 1) / (double)size);
                }
            }
        }
        exec.setProgress(1);
        return BufferedDataTable.joined(spec, left, right);
    }

    /**
     * @param maxProg the share of progress the sub context covers
     * @return a sub context
     */
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubProgressMonitor(getProgressMonitor(), maxProg, false));
    }

    /**
     * @param maxProg the share of progress the sub context covers
     * @return a sub context whose messages are not forwarded
     */
    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubProgressMonitor(getProgressMonitor(), maxProg, true));
    }
}
