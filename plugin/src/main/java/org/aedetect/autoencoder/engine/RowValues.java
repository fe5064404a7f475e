package org.aedetect.autoencoder.engine;

/**
 * The values of rows to score, by index (see {@link TrainedAutoencoder#score(int, RowValues, ErrorMetric,
 * boolean)}). May be called from several threads at once, each row once, so it must only read shared state
 * (and must not score itself: the scoring threads wait for it).
 */
@FunctionalInterface
public interface RowValues {

    /**
     * @param row the row's index, from 0
     * @param scratch an array with one element per model column, which the method may fill and return (it is
     *            the calling thread's own)
     * @return the row's values in the order of {@link TrainedAutoencoder#columnNames()}, NaN for missing
     */
    double[] values(int row, double[] scratch);
}
