package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Row errors against plain, exactly summed definitions of each metric. */
class ReconstructionErrorsTest {

    /** Widths around the blocks of eight that the sum works in, and the reference network's. */
    private static final int[] WIDTHS = {1, 2, 7, 8, 9, 15, 16, 17, 100, 784};

    /** The exact sum of the terms (BigDecimal), rounded once to double. */
    private static double exactSum(final double[] terms) {
        BigDecimal sum = BigDecimal.ZERO;
        for (final double t : terms) {
            sum = sum.add(new BigDecimal(t));
        }
        return sum.round(MathContext.DECIMAL128).doubleValue();
    }

    /**
     * The metric by its definition: terms in double precision from the floats, summed exactly; also what
     * ParallelScoringTest compares the engine's scores of DL4J's reconstruction with.
     */
    static double expected(final ErrorMetric metric, final float[] in, final float[] out, final int offset,
        final int columns) {
        final double[] terms = new double[columns];
        double max = 0;
        for (int c = 0; c < columns; c++) {
            final double d = (double)in[offset + c] - out[offset + c];
            terms[c] = metric == ErrorMetric.MSE || metric == ErrorMetric.RMSE ? d * d : Math.abs(d);
            max = Math.max(max, Math.abs(d));
        }
        final double mean = exactSum(terms) / columns;
        return switch (metric) {
            case MSE, MAE -> mean;
            case RMSE -> Math.sqrt(mean);
            case MAX_ABS -> max;
        };
    }

    @Test
    void everyMetricMatchesItsDefinitionForRowsOfEveryWidthAtAnyOffset() {
        final Random random = new Random(3);
        for (final int columns : WIDTHS) {
            final int rows = 5;
            final float[] in = new float[rows * columns];
            final float[] out = new float[rows * columns];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float)(random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
                out[i] = (float)random.nextDouble();
            }
            final ReconstructionErrors errors = new ReconstructionErrors(columns);
            for (final ErrorMetric metric : ErrorMetric.values()) {
                for (int r = 0; r < rows; r++) {
                    final double want = expected(metric, in, out, r * columns, columns);
                    final double got = errors.rowError(metric, in, out, r * columns);
                    if (metric == ErrorMetric.MAX_ABS) {
                        assertEquals(want, got, 0.0, metric + ", width " + columns + ", row " + r);
                    } else {
                        // the terms are non-negative, so any order of summing them is within n ulps of the exact sum
                        assertEquals(want, got, Math.abs(want) * columns * 0x1p-52,
                            metric + ", width " + columns + ", row " + r);
                    }
                }
            }
        }
    }

    @Test
    void theSumIsTheSameOnEveryCallAndTakesNoTermTwice() {
        for (final int n : WIDTHS) {
            final double[] ones = new double[n + 3];
            java.util.Arrays.fill(ones, 1.0);
            // the three values past n must not be counted
            ones[n] = 1e9;
            ones[n + 1] = 1e9;
            ones[n + 2] = 1e9;
            assertEquals(n, ReconstructionErrors.sum(ones, n), 0.0, "width " + n);
        }
        final double[] x = new Random(5).doubles(784).toArray();
        assertEquals(Double.doubleToLongBits(ReconstructionErrors.sum(x, 784)),
            Double.doubleToLongBits(ReconstructionErrors.sum(x.clone(), 784)));
        assertEquals(0.0, ReconstructionErrors.sum(x, 0), 0.0);
    }

    @Test
    void aNonFiniteReconstructionGivesANonFiniteErrorSoThatTheRowCountsAsUnscorable() {
        for (final float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (final int at : new int[] {0, 5, 8, 99}) {
                final float[] in = new float[100];
                final float[] out = new float[100];
                out[at] = bad;
                final ReconstructionErrors errors = new ReconstructionErrors(100);
                for (final ErrorMetric metric : ErrorMetric.values()) {
                    final double e = errors.rowError(metric, in, out, 0);
                    // MAX_ABS keeps Math.max's NaN; every other metric sums the bad term
                    assertTrue(!Double.isFinite(e), metric + " with " + bad + " at " + at + ": " + e);
                }
            }
        }
    }
}
