package org.aedetect.autoencoder.engine;

/**
 * How the per-column reconstruction differences of one row are summarised into its anomaly score, in
 * normalized space: mean squared error, mean absolute error, root mean squared error, or the largest
 * absolute difference. Per-column errors are squared for MSE and RMSE and absolute for MAE and MAX_ABS.
 */
public enum ErrorMetric {
    MSE, MAE, RMSE, MAX_ABS;

    /** True if the per-column errors of this metric are squared differences. */
    public boolean usesSquaredColumnErrors() {
        return this == MSE || this == RMSE;
    }
}
