package org.aedetect.autoencoder.engine;

/**
 * One pass over the rows of a {@link RowSource}. Each call to {@link #next} fills one row; a missing
 * cell is given as {@link Double#NaN}, and every NaN is treated as missing.
 */
public interface RowCursor extends AutoCloseable {

    /**
     * Fills {@code into} (length = number of columns) with the next row.
     *
     * @return false when there are no more rows (then {@code into} is unchanged)
     */
    boolean next(double[] into);

    @Override
    void close();
}
