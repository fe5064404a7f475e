package org.aedetect.autoencoder.engine;

import java.util.Arrays;

/**
 * The reconstruction errors (per-row MSE in normalized space) of the training rows, kept as a sorted
 * quantile table so that new scores can be placed against them. Up to {@value #TABLE_SIZE} errors are
 * kept exactly; more are summarised by the {@value #TABLE_SIZE} quantiles at 0, 0.001, ..., 1.
 * {@link #quantile} interpolates linearly in the table (exact numpy-style quantiles when all errors are
 * kept), and {@link #percentileOf} is its inverse.
 */
public final class ErrorDistribution {

    /** Number of quantiles kept for large training sets. */
    public static final int TABLE_SIZE = 1001;

    private final double[] table;

    private final long count;

    private final double mean;

    private ErrorDistribution(final double[] table, final long count, final double mean) {
        this.table = table;
        this.count = count;
        this.mean = mean;
    }

    /** The distribution of {@code errors}; NaN values are left out. */
    public static ErrorDistribution of(final double[] errors) {
        final double[] sorted = Quantiles.sortedWithoutMissing(errors);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("An error distribution needs at least one non-missing error.");
        }
        final double mean = Arrays.stream(sorted).sum() / sorted.length;
        if (sorted.length <= TABLE_SIZE) {
            return new ErrorDistribution(sorted, sorted.length, mean);
        }
        final double[] table = new double[TABLE_SIZE];
        for (int i = 0; i < TABLE_SIZE; i++) {
            table[i] = Quantiles.linear(sorted, i / (double)(TABLE_SIZE - 1));
        }
        return new ErrorDistribution(table, sorted.length, mean);
    }

    /** Restores a distribution from its {@link #table()}, count and mean (for model files). */
    static ErrorDistribution fromTable(final double[] table, final long count, final double mean) {
        if (table.length == 0 || table.length != Math.min(count, TABLE_SIZE)) {
            throw new IllegalArgumentException("The error table has " + table.length + " entries for " + count
                + " errors.");
        }
        for (int i = 1; i < table.length; i++) {
            if (!(table[i] >= table[i - 1])) {
                throw new IllegalArgumentException("The error table is not sorted.");
            }
        }
        return new ErrorDistribution(table.clone(), count, mean);
    }

    /** The sorted table: all errors if at most {@value #TABLE_SIZE}, else the 0.001-step quantiles. */
    public double[] table() {
        return table.clone();
    }

    /** Number of training errors summarised. */
    public long count() {
        return count;
    }

    public double min() {
        return table[0];
    }

    public double max() {
        return table[table.length - 1];
    }

    public double mean() {
        return mean;
    }

    /**
     * The q-quantile of the training errors, 0 &le; q &le; 1, by linear interpolation in the table.
     *
     * @throws IllegalArgumentException if q is outside [0, 1]
     */
    public double quantile(final double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("A quantile must be between 0 and 1, but is " + q + ".");
        }
        return Quantiles.linear(table, q);
    }

    /**
     * Where {@code score} falls among the training errors, in percent: 0 at or below the smallest,
     * 100 at or above the largest, and in between the q (times 100) whose {@link #quantile} equals the
     * score (the largest such q where several do). NaN for a NaN score.
     */
    public double percentileOf(final double score) {
        if (Double.isNaN(score)) {
            return Double.NaN;
        }
        final int last = table.length - 1;
        if (score >= table[last]) {
            return 100;
        }
        if (score < table[0]) {
            return 0;
        }
        int low = 0;
        int high = last;
        // invariant: table[low] <= score < table[high]
        while (high - low > 1) {
            final int mid = (low + high) >>> 1;
            if (table[mid] <= score) {
                low = mid;
            } else {
                high = mid;
            }
        }
        final double fraction = (score - table[low]) / (table[high] - table[low]);
        return 100 * (low + fraction) / last;
    }
}
