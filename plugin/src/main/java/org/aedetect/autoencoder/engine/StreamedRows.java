package org.aedetect.autoencoder.engine;

import java.util.List;

/**
 * Training rows read from the {@link RowSource} on every pass and prepared on the fly, with memory for
 * one shuffle window ({@value #WINDOW_BATCHES} mini-batches) only. Used when the data does not fit the
 * trainer's memory budget, and to fill the cache when it does.
 */
final class StreamedRows implements TrainingRows {

    /** Mini-batches per shuffle window: rows are shuffled within windows of this many batches. */
    static final int WINDOW_BATCHES = 32;

    private final RowSource source;

    private final List<String> columnNames;

    private final RowPreparer preparer;

    private final ValidationSplit split;

    private final long trainingRows;

    private final long validationRows;

    StreamedRows(final RowSource source, final RowPreparer preparer, final ValidationSplit split,
        final long trainingRows, final long validationRows) {
        this.source = source;
        this.columnNames = source.columnNames();
        this.preparer = preparer;
        this.split = split;
        this.trainingRows = trainingRows;
        this.validationRows = validationRows;
    }

    @Override
    public int columns() {
        return columnNames.size();
    }

    @Override
    public long count(final RowPart part) {
        return part == RowPart.TRAINING ? trainingRows : validationRows;
    }

    @Override
    public BatchReader open(final RowPart part, final int batchSize, final Long shuffleSeed) {
        final int windowRows = shuffleSeed == null ? batchSize : batchSize * WINDOW_BATCHES;
        final boolean wantValidation = part == RowPart.VALIDATION;
        final RowCursor cursor = source.open();
        return new BatchReader(columns(), batchSize, shuffleSeed) {
            private final double[] raw = new double[columns];

            private final float[] buffer = new float[windowRows * columns];

            private final double[] scratch = new double[columns];

            private long rowIndex;

            @Override
            protected boolean nextWindow() {
                int rows = 0;
                while (rows < windowRows && cursor.next(raw)) {
                    final long index = rowIndex++;
                    if (split.isValidation(index) == wantValidation
                        && preparer.prepare(raw, index, buffer, rows * columns, scratch)) {
                        rows++;
                    }
                }
                useWindow(buffer, rows);
                return rows > 0;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }
}
