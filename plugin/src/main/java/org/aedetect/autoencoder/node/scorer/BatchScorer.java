package org.aedetect.autoencoder.node.scorer;

import java.util.Arrays;

import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.RowValues;
import org.aedetect.autoencoder.engine.ScoreResult;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.node.TableRows;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.append.AppendedColumnRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;

/**
 * Scores rows in batches (the network is much faster on a batch than row by row). A plain execution writes only the
 * score cells, under each row's key, for the node to join to its input; KNIME's streaming pushes each row with its
 * score cells appended. Both take their cells from {@link #scoreCells}, so both give the same rows.
 */
final class BatchScorer {

    private final TrainedAutoencoder m_model;

    private final ScoreColumns m_columns;

    private final ErrorMetric m_metric;

    /**
     * Most memory a batch may hold: its input rows (whole rows, as KNIME's default row-based tables hand them out)
     * and their per-column errors where asked for. The engine suggests larger calls on machines with many cores
     * (up to 65,536 rows); for a wide table that would be gigabytes.
     */
    static final long BATCH_BYTES = 64L << 20;

    /** Fewest rows per batch, whatever the table's width: the fixed batch of earlier versions. */
    static final int MIN_BATCH_ROWS = 1024;

    /** Estimated heap per input cell held: a {@link DoubleCell} and the reference to it. */
    private static final int BYTES_PER_CELL = 32;

    /**
     * The rows of the current batch, as many as the engine suggests per call ({@link
     * TrainedAutoencoder#scoreCallRows()}) where they fit {@link #BATCH_BYTES}: the engine reads their cells, the
     * output takes their keys (and cells).
     */
    private final DataRow[] m_batch;

    /** The selected cells of the current batch's rows. */
    private final RowValues m_values;

    /** The current batch's training percentiles, if asked for (fetched once per batch, not per row). */
    private double[] m_percentiles;

    private long m_missingRows;

    private long m_unscorableRows;

    BatchScorer(final TrainedAutoencoder model, final ScoreColumns columns, final ErrorMetric metric) {
        m_model = model;
        m_columns = columns;
        m_metric = metric;
        m_batch = new DataRow[batchRows(TrainedAutoencoder.scoreCallRows(), columns.inputColumnCount(),
            columns.modelColumnCount(), columns.columnErrors())];
        m_values = TableRows.values(m_batch, columns.inputIndices());
    }

    /**
     * Rows per batch: {@code callRows} (the engine's suggestion), fewer where their cells and per-column errors
     * would hold more than {@link #BATCH_BYTES}, never fewer than {@link #MIN_BATCH_ROWS} (nor than callRows).
     *
     * @param callRows rows per call the engine suggests
     * @param tableColumns all columns of the input table
     * @param modelColumns the model's columns
     * @param columnErrors whether per-column errors are asked for
     * @return the batch size
     */
    static int batchRows(final int callRows, final int tableColumns, final int modelColumns,
        final boolean columnErrors) {
        final long perRow = 64L + (long)BYTES_PER_CELL * tableColumns + (columnErrors ? 16L + 8L * modelColumns : 0);
        return (int)Math.max(Math.min(MIN_BATCH_ROWS, callRows), Math.min(callRows, BATCH_BYTES / perRow));
    }

    /** Where the rows of a scored batch go. */
    @FunctionalInterface
    private interface BatchWriter {
        /**
         * @param rows the rows, {@code result} has one score per row
         * @param n how many of {@code rows} are in the batch
         * @param result their scores
         * @throws Exception as thrown by the output
         */
        void write(DataRow[] rows, int n, ScoreResult result) throws Exception;
    }

    /** A source of rows; null at the end. */
    @FunctionalInterface
    private interface RowSupplier {
        DataRow next() throws Exception;
    }

    /**
     * Reads all rows of {@code table} and adds one row of score cells per row, with the same key, to {@code scores}
     * (whose spec is {@link ScoreColumns#appendedSpec()}); does not close it.
     *
     * @param table the rows
     * @param scores where the score rows go
     * @param exec for progress and cancellation
     * @throws Exception on cancel or invalid data
     */
    void scores(final BufferedDataTable table, final BufferedDataContainer scores, final ExecutionContext exec)
        throws Exception {
        // only the model's columns are read; the node joins the scores to the whole input table
        try (CloseableRowIterator it = table.filter(TableRows.only(m_columns.inputIndices())).iterator()) {
            // one array for all rows: DefaultRow copies it
            final DataCell[] cells = new DataCell[m_columns.appendedCount()];
            run(() -> it.hasNext() ? it.next() : null, table.size(), exec, (rows, n, result) -> {
                for (int i = 0; i < n; i++) {
                    scores.addRowToTable(new DefaultRow(rows[i].getKey(), scoreCells(result, i, cells)));
                }
            });
        }
    }

    /**
     * Reads all rows of {@code in}, pushes them with the score columns appended to {@code out} and closes both.
     *
     * @param in the rows
     * @param out where the rows go
     * @param exec for progress and cancellation
     * @throws Exception on cancel, interruption or invalid data
     */
    void append(final RowInput in, final RowOutput out, final ExecutionContext exec) throws Exception {
        run(in::poll, -1, exec, (rows, n, result) -> {
            for (int i = 0; i < n; i++) {
                // the input row's cells are referenced, not copied; the row keeps the array of score cells
                out.push(new AppendedColumnRow(rows[i],
                    scoreCells(result, i, new DataCell[m_columns.appendedCount()])));
            }
        });
        in.close();
        out.close();
    }

    private void run(final RowSupplier in, final long rowCount, final ExecutionContext exec,
        final BatchWriter writer) throws Exception {
        long done = 0;
        try {
            int n = 0;
            DataRow row;
            while ((row = in.next()) != null) {
                m_batch[n++] = row;
                if (n == m_batch.length) {
                    done += flush(n, writer);
                    n = 0;
                    progress(exec, done, rowCount);
                }
            }
            done += flush(n, writer);
            progress(exec, done, rowCount);
        } finally {
            Arrays.fill(m_batch, null);
            m_model.releaseScoringBuffers();
            TrainedAutoencoder.releaseThreadMemory();
        }
    }

    private static void progress(final ExecutionContext exec, final long done, final long rowCount)
        throws Exception {
        exec.checkCanceled();
        if (rowCount > 0) {
            exec.setProgress(done / (double)rowCount, () -> "Scored " + done + " of " + rowCount + " rows");
        } else {
            exec.setMessage(() -> "Scored " + done + " rows");
        }
    }

    private int flush(final int n, final BatchWriter writer) throws Exception {
        if (n == 0) {
            return 0;
        }
        // the engine reads the cells itself, on each of its scoring threads for that thread's rows
        ScoreResult result = m_model.score(n, m_values, m_metric, m_columns.columnErrors());
        m_missingRows += result.missingRows();
        m_unscorableRows += result.unscorableRows();
        m_percentiles = m_columns.percentile() ? result.trainingPercentiles() : null;
        writer.write(m_batch, n, result);
        return n;
    }

    /**
     * The score cells of one row, in the order of {@link ScoreColumns#appendedSpec()}: the error, the
     * per-column errors if asked for, the percentile if asked for; NaN becomes a missing cell.
     *
     * @param into receives the cells, {@link ScoreColumns#appendedCount()} long
     * @return {@code into}
     */
    private DataCell[] scoreCells(final ScoreResult result, final int row, final DataCell[] into) {
        int c = 0;
        into[c++] = cell(result.rowErrors()[row]);
        if (m_columns.columnErrors()) {
            for (double e : result.columnErrors()[row]) {
                into[c++] = cell(e);
            }
        }
        if (m_columns.percentile()) {
            into[c] = cell(m_percentiles[row]);
        }
        return into;
    }

    private static DataCell cell(final double value) {
        return Double.isNaN(value) ? DataType.getMissingCell() : new DoubleCell(value);
    }

    /** @return rows that got missing scores because the network overflowed on their values */
    long unscorableRows() {
        return m_unscorableRows;
    }

    /** @return rows that got missing scores because of missing values */
    long missingRows() {
        return m_missingRows;
    }
}
