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
 */
public record ScoreResult(double[] rowErrors, double[][] columnErrors, int missingRows, ErrorMetric metric) {
}
