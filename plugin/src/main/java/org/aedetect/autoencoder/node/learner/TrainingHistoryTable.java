package org.aedetect.autoencoder.node.learner;

import java.util.List;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/** The learner's second output: one row per completed epoch with its losses and duration. */
final class TrainingHistoryTable {

    static final String COL_EPOCH = "Epoch";

    static final String COL_TRAINING_LOSS = "Training loss";

    static final String COL_VALIDATION_LOSS = "Validation loss";

    static final String COL_SECONDS = "Seconds";

    /** Backend and device that ran the epoch, so a history table shows where it was trained. */
    static final String COL_BACKEND = "Backend";

    static final DataTableSpec SPEC = new DataTableSpec("Training history",
        new DataColumnSpecCreator(COL_EPOCH, IntCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COL_TRAINING_LOSS, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COL_VALIDATION_LOSS, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COL_SECONDS, DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator(COL_BACKEND, StringCell.TYPE).createSpec());

    private TrainingHistoryTable() {
    }

    /**
     * @param history the epochs, in order
     * @param backend backend and device that trained, e.g. "CPU (CPU amd64, 2 cores, 2 threads)"
     * @param exec for the table
     * @return the table; validation loss is a missing cell when there were no validation rows
     */
    static BufferedDataTable create(final List<EpochEvent> history, final String backend,
        final ExecutionContext exec) {
        BufferedDataContainer container = exec.createDataContainer(SPEC);
        for (EpochEvent e : history) {
            DataCell validation =
                Double.isNaN(e.validationLoss()) ? DataType.getMissingCell() : new DoubleCell(e.validationLoss());
            container.addRowToTable(new DefaultRow(RowKey.createRowKey((long)e.epoch() - 1), new IntCell(e.epoch()),
                new DoubleCell(e.trainingLoss()), validation, new DoubleCell(e.seconds()), new StringCell(backend)));
        }
        container.close();
        return container.getTable();
    }
}
