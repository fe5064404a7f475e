package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ErrorDistributionTest {

    @Test
    void smallDistributionKeepsEveryErrorAndInterpolatesLikeNumpy() {
        final ErrorDistribution d = ErrorDistribution.of(new double[] {0.4, 0.1, Double.NaN, 0.3, 0.2});
        assertEquals(4, d.count());
        assertEquals(0.1, d.min());
        assertEquals(0.4, d.max());
        assertEquals(0.25, d.mean(), 1e-15);
        // h = 3 * 0.9 = 2.7 -> 0.3 + 0.7 * 0.1
        assertEquals(0.37, d.quantile(0.9), 1e-12);
    }

    @Test
    void percentileOfIsTheInverseOfQuantile() {
        final ErrorDistribution d = ErrorDistribution.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(0, d.percentileOf(0.5));
        assertEquals(0, d.percentileOf(1) - 0, 1e-12);
        assertEquals(62.5, d.percentileOf(3.5), 1e-12);
        assertEquals(100, d.percentileOf(5));
        assertEquals(100, d.percentileOf(7));
        assertTrue(Double.isNaN(d.percentileOf(Double.NaN)));
        for (final double q : new double[] {0.1, 0.33, 0.5, 0.77}) {
            assertEquals(100 * q, d.percentileOf(d.quantile(q)), 1e-9);
        }
    }

    @Test
    void largeDistributionKeepsAThousandAndOneQuantiles() {
        final Random random = new Random(3);
        final double[] errors = new double[20_000];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = random.nextDouble();
        }
        final ErrorDistribution d = ErrorDistribution.of(errors);
        assertEquals(ErrorDistribution.TABLE_SIZE, d.table().length);
        assertEquals(20_000, d.count());
        final double[] sorted = errors.clone();
        Arrays.sort(sorted);
        assertEquals(Quantiles.linear(sorted, 0.95), d.quantile(0.95), 1e-12);
        assertEquals(Quantiles.linear(sorted, 0.9555), d.quantile(0.9555), 1e-3);
        assertEquals(sorted[0], d.min());
        assertEquals(sorted[sorted.length - 1], d.max());
    }

    @Test
    void quantileOutsideZeroToOneIsRejected() {
        final ErrorDistribution d = ErrorDistribution.of(new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> d.quantile(1.01));
    }

    @Test
    void allMissingErrorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ErrorDistribution.of(new double[] {Double.NaN}));
    }
}
