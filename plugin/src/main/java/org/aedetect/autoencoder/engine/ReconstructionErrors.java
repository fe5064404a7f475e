package org.aedetect.autoencoder.engine;

/**
 * Compares prepared input rows with their reconstructions, in normalized space and double precision:
 * one score per row by an {@link ErrorMetric}, and per-column errors (squared for MSE and RMSE, absolute
 * for MAE and MAX_ABS).
 */
final class ReconstructionErrors {

    private ReconstructionErrors() {
    }

    /** The score of the row starting at {@code offset} in both flat arrays. */
    static double rowError(final ErrorMetric metric, final float[] input, final float[] output, final int offset,
        final int columns) {
        double sum = 0;
        double max = 0;
        for (int c = offset; c < offset + columns; c++) {
            final double diff = (double)input[c] - output[c];
            switch (metric) {
                case MSE, RMSE -> sum += diff * diff;
                case MAE -> sum += Math.abs(diff);
                case MAX_ABS -> max = Math.max(max, Math.abs(diff));
            }
        }
        return switch (metric) {
            case MSE, MAE -> sum / columns;
            case RMSE -> Math.sqrt(sum / columns);
            case MAX_ABS -> max;
        };
    }

    /** Fills {@code into} with the per-column errors of the row starting at {@code offset}. */
    static void columnErrors(final ErrorMetric metric, final float[] input, final float[] output, final int offset,
        final double[] into) {
        for (int c = 0; c < into.length; c++) {
            final double diff = (double)input[offset + c] - output[offset + c];
            into[c] = metric.usesSquaredColumnErrors() ? diff * diff : Math.abs(diff);
        }
    }
}
