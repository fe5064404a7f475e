package org.aedetect.autoencoder.engine;

/**
 * Training and validation rows prepared once and kept in memory as floats, so that later epochs
 * neither re-read the source nor normalize again. Shuffling permutes all rows of a part.
 */
final class CachedRows implements TrainingRows {

    private final int columns;

    private final float[] training;

    private final float[] validation;

    private CachedRows(final int columns, final float[] training, final float[] validation) {
        this.columns = columns;
        this.training = training;
        this.validation = validation;
    }

    /** Bytes needed to cache {@code rows} rows of {@code columns} floats. */
    static long bytesNeeded(final long rows, final int columns) {
        return rows * columns * Float.BYTES;
    }

    /** Reads both parts of {@code streamed} once into memory. */
    static CachedRows fill(final StreamedRows streamed) {
        return fill(streamed, TrainingListener.NONE, 1024);
    }

    /**
     * Reads both parts of {@code streamed} once into memory, asking {@code listener} whether to cancel
     * every {@code chunk} rows.
     *
     * @throws TrainingCanceledException if the listener cancels
     */
    static CachedRows fill(final StreamedRows streamed, final TrainingListener listener, final int chunk) {
        final int columns = streamed.columns();
        return new CachedRows(columns, read(streamed, RowPart.TRAINING, columns, listener, chunk),
            read(streamed, RowPart.VALIDATION, columns, listener, chunk));
    }

    private static float[] read(final StreamedRows streamed, final RowPart part, final int columns,
        final TrainingListener listener, final int chunk) {
        final float[] all = new float[Math.toIntExact(streamed.count(part) * columns)];
        final float[] buffer = new float[chunk * columns];
        int filled = 0;
        try (BatchReader reader = streamed.open(part, chunk, null)) {
            int rows;
            while ((rows = reader.next(buffer)) > 0) {
                TrainingListener.checkCanceled(listener);
                if (filled + rows * columns > all.length) {
                    throw new IllegalStateException("The input returned more rows than in the first pass; "
                        + "it must return the same rows on every pass.");
                }
                System.arraycopy(buffer, 0, all, filled, rows * columns);
                filled += rows * columns;
            }
        }
        if (filled != all.length) {
            throw new IllegalStateException("The input returned fewer rows than in the first pass; "
                + "it must return the same rows on every pass.");
        }
        return all;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public long count(final RowPart part) {
        return rows(part).length / Math.max(1, columns);
    }

    private float[] rows(final RowPart part) {
        return part == RowPart.TRAINING ? training : validation;
    }

    @Override
    public BatchReader open(final RowPart part, final int batchSize, final Long shuffleSeed) {
        final float[] data = rows(part);
        return new BatchReader(columns, batchSize, shuffleSeed) {
            private boolean done;

            @Override
            protected boolean nextWindow() {
                if (done) {
                    return false;
                }
                done = true;
                useWindow(data, data.length / columns);
                return data.length > 0;
            }
        };
    }
}
