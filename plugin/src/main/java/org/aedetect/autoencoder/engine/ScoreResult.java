package org.aedetect.autoencoder.engine;

/**
 * Anomaly scores of a batch of rows: one reconstruction error per row (higher = more abnormal), and
 * optionally the per-column errors in normalized space (squared differences for MSE and RMSE, absolute
 * differences for MAE and MAX_ABS). A row with a missing value that the model does not impute gets NaN
 * everywhere and is counted in {@link #missingRows()}.
 *
 * @param rowErrors one score per input row
 * @param columnErrors per row and column, or null when not asked for
 * @param missingRows rows whose score is NaN because of missing values
 * @param metric how the row scores were computed
 * @param trainingPercentiles per row, the percentile (0-100) of its MSE among the model's training errors
 *            (which are MSE, whatever {@code metric} is); NaN where the score is NaN
 * @param unscorableRows rows whose score is NaN because the network's 32-bit arithmetic overflowed on them
 *            (values far outside anything seen in training); not expected in practice, since inputs are
 *            clipped to {@link TrainedAutoencoder#MAX_NETWORK_INPUT}, but never a silent NaN either
 */
public record ScoreResult(double[] rowErrors, double[][] columnErrors, int missingRows, ErrorMetric metric,
    int unscorableRows, double[] trainingPercentiles) {
}
