package org.aedetect.autoencoder.node.scorer;

import java.util.ArrayList;
import java.util.List;

import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.ScoreResult;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.node.TableRows;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;

/**
 * Scores rows in batches (the network is much faster on a batch than row by row) and appends the score cells.
 * Used both for a plain execution and for KNIME's streaming, so both give the same rows.
 */
final class BatchScorer {

    /** Rows scored per network call. */
    static final int BATCH_ROWS = 1024;

    private final TrainedAutoencoder m_model;

    private final ScoreColumns m_columns;

    private final ErrorMetric m_metric;

    private long m_missingRows;

    private long m_unscorableRows;

    BatchScorer(final TrainedAutoencoder model, final ScoreColumns columns, final ErrorMetric metric) {
        m_model = model;
        m_columns = columns;
        m_metric = metric;
    }

    /**
     * Reads all rows of {@code in}, pushes them with the score columns appended to {@code out} and closes both.
     *
     * @param in the rows
     * @param out where the rows go
     * @param rowCount number of rows if known (for progress), else -1
     * @param exec for progress and cancellation
     * @throws Exception on cancel, interruption or invalid data
     */
    void run(final RowInput in, final RowOutput out, final long rowCount, final ExecutionContext exec)
        throws Exception {
        int[] indices = m_columns.inputIndices();
        List<DataRow> batch = new ArrayList<>(BATCH_ROWS);
        long done = 0;
        try {
            DataRow row;
            while ((row = in.poll()) != null) {
                batch.add(row);
                if (batch.size() == BATCH_ROWS) {
                    done += flush(batch, indices, out);
                    progress(exec, done, rowCount);
                }
            }
            done += flush(batch, indices, out);
            progress(exec, done, rowCount);
        } finally {
            TrainedAutoencoder.releaseThreadMemory();
        }
        in.close();
        out.close();
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

    private int flush(final List<DataRow> batch, final int[] indices, final RowOutput out) throws Exception {
        int n = batch.size();
        if (n == 0) {
            return 0;
        }
        double[][] values = new double[n][indices.length];
        for (int i = 0; i < n; i++) {
            TableRows.read(batch.get(i), indices, values[i]);
        }
        ScoreResult result = m_model.score(values, m_metric, m_columns.columnErrors());
        m_missingRows += result.missingRows();
        m_unscorableRows += result.unscorableRows();
        for (int i = 0; i < n; i++) {
            DataRow row = batch.get(i);
            DataCell[] cells = new DataCell[row.getNumCells() + m_columns.appendedCount()];
            int c = 0;
            for (DataCell cell : row) {
                cells[c++] = cell;
            }
            cells[c++] = cell(result.rowErrors()[i]);
            if (m_columns.columnErrors()) {
                for (double e : result.columnErrors()[i]) {
                    cells[c++] = cell(e);
                }
            }
            if (m_columns.percentile()) {
                cells[c++] = cell(result.trainingPercentiles()[i]);
            }
            out.push(new DefaultRow(row.getKey(), cells));
        }
        batch.clear();
        return n;
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
