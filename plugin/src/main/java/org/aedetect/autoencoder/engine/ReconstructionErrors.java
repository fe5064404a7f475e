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
        // four accumulators in a fixed order: the same value on every run, without one long chain of
        // dependent additions per row
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        final int end = offset + columns;
        int c = offset;
        switch (metric) {
            case MSE, RMSE -> {
                for (; c + 4 <= end; c += 4) {
                    final double d0 = (double)input[c] - output[c];
                    final double d1 = (double)input[c + 1] - output[c + 1];
                    final double d2 = (double)input[c + 2] - output[c + 2];
                    final double d3 = (double)input[c + 3] - output[c + 3];
                    s0 += d0 * d0;
                    s1 += d1 * d1;
                    s2 += d2 * d2;
                    s3 += d3 * d3;
                }
                for (; c < end; c++) {
                    final double d = (double)input[c] - output[c];
                    s0 += d * d;
                }
            }
            case MAE -> {
                for (; c + 4 <= end; c += 4) {
                    s0 += Math.abs((double)input[c] - output[c]);
                    s1 += Math.abs((double)input[c + 1] - output[c + 1]);
                    s2 += Math.abs((double)input[c + 2] - output[c + 2]);
                    s3 += Math.abs((double)input[c + 3] - output[c + 3]);
                }
                for (; c < end; c++) {
                    s0 += Math.abs((double)input[c] - output[c]);
                }
            }
            case MAX_ABS -> {
                for (; c < end; c++) {
                    s0 = Math.max(s0, Math.abs((double)input[c] - output[c]));
                }
                return s0;
            }
        }
        final double sum = (s0 + s1) + (s2 + s3);
        return metric == ErrorMetric.RMSE ? Math.sqrt(sum / columns) : sum / columns;
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
