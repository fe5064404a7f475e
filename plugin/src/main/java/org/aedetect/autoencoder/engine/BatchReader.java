package org.aedetect.autoencoder.engine;

import java.util.SplittableRandom;

/**
 * Hands out mini-batches of prepared (normalized, imputed) rows as flat row-major float arrays. Rows
 * arrive in windows; a shuffled reader permutes the rows within each window, so that shuffling needs
 * memory for one window only. Subclasses say where a window comes from.
 */
abstract class BatchReader implements AutoCloseable {

    protected final int columns;

    private final int batchSize;

    private final SplittableRandom shuffle;

    private float[] window = new float[0];

    private int[] order = new int[0];

    private int windowRows;

    private int position;

    /**
     * @param shuffleSeed seed of the row order, or null to keep the input order
     */
    BatchReader(final int columns, final int batchSize, final Long shuffleSeed) {
        this.columns = columns;
        this.batchSize = batchSize;
        this.shuffle = shuffleSeed == null ? null : new SplittableRandom(shuffleSeed);
    }

    /**
     * Copies the next mini-batch into {@code into} (at least batch size times columns long).
     *
     * @return the number of rows copied, 0 at the end
     */
    final int next(final float[] into) {
        if (position == windowRows) {
            windowRows = 0;
            position = 0;
            if (!nextWindow()) {
                return 0;
            }
        }
        final int rows = Math.min(batchSize, windowRows - position);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(window, order[position + r] * columns, into, r * columns, columns);
        }
        position += rows;
        return rows;
    }

    /**
     * Makes the next window current by calling {@link #useWindow}.
     *
     * @return false if there are no more rows
     */
    protected abstract boolean nextWindow();

    /** Makes the first {@code rows} rows of {@code data} the current window. */
    protected final void useWindow(final float[] data, final int rows) {
        window = data;
        windowRows = rows;
        position = 0;
        if (order.length < rows) {
            order = new int[rows];
        }
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        if (shuffle != null) {
            for (int i = rows - 1; i > 0; i--) {
                final int j = shuffle.nextInt(i + 1);
                final int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }

    @Override
    public void close() {
        // nothing held by default
    }
}
