package org.aedetect.autoencoder.engine;

import java.util.Arrays;

/**
 * Quantiles by linear interpolation between order statistics, the default method of numpy and R type
 * 7: for sorted values x[0..n-1] and q in [0, 1], h = (n - 1) q and the quantile is x[floor h] + (h -
 * floor h) (x[floor h + 1] - x[floor h]).
 */
final class Quantiles {

    private Quantiles() {
    }

    /** The finite-or-infinite, non-NaN values of {@code scores}, sorted ascending. */
    static double[] sortedWithoutMissing(final double[] scores) {
        return Arrays.stream(scores).filter(s -> !Double.isNaN(s)).sorted().toArray();
    }

    /** The q-quantile (0 &le; q &le; 1) of non-empty ascending {@code sorted}. */
    static double linear(final double[] sorted, final double q) {
        final double h = (sorted.length - 1) * q;
        final int low = (int)Math.floor(h);
        if (low >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        final double fraction = h - low;
        return fraction == 0 ? sorted[low] : sorted[low] + fraction * (sorted[low + 1] - sorted[low]);
    }
}
