package org.aedetect.autoencoder.engine;

/**
 * Anomaly scores of a batch of rows: one reconstruction error per row (higher = more abnormal), and
 * optionally the per-column errors in normalized space (squared differences for MSE and RMSE, absolute
 * differences for MAE and MAX_ABS). A row with a missing value that the model does not impute gets NaN
 * everywhere and is counted in {@link #missingRows()}. The arrays are the result's own; do not change them.
 */
public final class ScoreResult {

    private final double[] rowErrors;

    private final double[][] columnErrors;

    private final int missingRows;

    private final ErrorMetric metric;

    private final int unscorableRows;

    /** Per row, its MSE (the row errors themselves when the metric is MSE), NaN where the score is NaN. */
    private final double[] rowMse;

    private final ErrorDistribution trainingErrors;

    /** Computed on the first call of {@link #trainingPercentiles()}: most callers never ask. */
    private double[] trainingPercentiles;

    ScoreResult(final double[] rowErrors, final double[][] columnErrors, final int missingRows,
        final ErrorMetric metric, final int unscorableRows, final double[] rowMse,
        final ErrorDistribution trainingErrors) {
        this.rowErrors = rowErrors;
        this.columnErrors = columnErrors;
        this.missingRows = missingRows;
        this.metric = metric;
        this.unscorableRows = unscorableRows;
        this.rowMse = rowMse;
        this.trainingErrors = trainingErrors;
    }

    /** @return one score per input row */
    public double[] rowErrors() {
        return rowErrors;
    }

    /** @return per row and column, or null when not asked for */
    public double[][] columnErrors() {
        return columnErrors;
    }

    /** @return rows whose score is NaN because of missing values */
    public int missingRows() {
        return missingRows;
    }

    /** @return how the row scores were computed */
    public ErrorMetric metric() {
        return metric;
    }

    /**
     * @return rows whose score is NaN because the network's 32-bit arithmetic overflowed on them (values far
     *         outside anything seen in training); not expected in practice, since inputs are clipped to
     *         {@link TrainedAutoencoder#MAX_NETWORK_INPUT}, but never a silent NaN either
     */
    public int unscorableRows() {
        return unscorableRows;
    }

    /**
     * Per row, the percentile (0-100) of its MSE among the model's training errors (which are MSE, whatever
     * {@link #metric} is); NaN where the score is NaN. Computed on the first call (a search per row, about a
     * twentieth of scoring a narrow network, which callers that do not show percentiles need not pay).
     *
     * @return the percentiles, one per row
     */
    public synchronized double[] trainingPercentiles() {
        if (trainingPercentiles == null) {
            final double[] percentiles = new double[rowMse.length];
            for (int r = 0; r < percentiles.length; r++) {
                final double mse = rowMse[r];
                percentiles[r] = Double.isFinite(mse) ? trainingErrors.percentileOf(mse) : Double.NaN;
            }
            trainingPercentiles = percentiles;
        }
        return trainingPercentiles;
    }
}
