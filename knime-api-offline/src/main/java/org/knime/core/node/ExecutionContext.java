package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
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
        return new BufferedDataContainer(spec);
    }

    /**
     * @param spec the spec of the table to create
     * @param initDomain ignored offline (no domains)
     * @return a new, open container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return createDataContainer(spec);
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
