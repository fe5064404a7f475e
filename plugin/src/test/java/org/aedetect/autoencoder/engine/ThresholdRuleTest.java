package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private static final double EPS = 1e-12;

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        // h = 9 * 0.95 = 8.55 -> x[8] + 0.55 * (x[9] - x[8]) = 9 + 0.55
        assertEquals(9.55, ThresholdRule.percentile(95).threshold(ONE_TO_TEN, null), EPS);
        // h = 4.5 -> 5.5; p = 100/3 gives h = 3, exactly the order statistic x[3] = 4
        assertEquals(5.5, ThresholdRule.percentile(50).threshold(ONE_TO_TEN, null), EPS);
        assertEquals(4, ThresholdRule.percentile(100.0 / 3).threshold(ONE_TO_TEN, null), EPS);
    }

    @Test
    void percentileIgnoresOrderOfScores() {
        final double[] shuffled = {7, 3, 10, 1, 5, 9, 2, 8, 6, 4};
        assertEquals(9.55, ThresholdRule.percentile(95).threshold(shuffled, null), EPS);
    }

    @Test
    void contaminationFlagsTheTopFraction() {
        // percentile 80: h = 7.2 -> 8.2, so exactly 9 and 10 (20%) are above
        final ThresholdRule rule = ThresholdRule.contamination(0.2);
        final double threshold = rule.threshold(ONE_TO_TEN, null);
        assertEquals(8.2, threshold, EPS);
        assertEquals(2, Arrays.stream(ONE_TO_TEN).filter(s -> rule.isAnomaly(s, threshold)).count());
    }

    @Test
    void meanPlusKSdUsesPopulationStandardDeviation() {
        // mean 5.5, sum of squared deviations 82.5, population variance 8.25
        assertEquals(5.5 + 2 * Math.sqrt(8.25), ThresholdRule.meanPlusKSd(2).threshold(ONE_TO_TEN, null), EPS);
    }

    @Test
    void medianPlusKMadScalesTheMadToAStandardDeviation() {
        // median 5.5; |x - 5.5| sorted: .5 .5 1.5 1.5 2.5 2.5 3.5 3.5 4.5 4.5 -> MAD 2.5
        assertEquals(5.5 + 3 * 1.4826 * 2.5, ThresholdRule.medianPlusKMad(3).threshold(ONE_TO_TEN, null), EPS);
    }

    @Test
    void iqrIsTukeysUpperFence() {
        // Q1: h = 2.25 -> 3.25; Q3: h = 6.75 -> 7.75; IQR 4.5
        assertEquals(7.75 + 1.5 * 4.5, ThresholdRule.iqr(1.5).threshold(ONE_TO_TEN, null), EPS);
    }

    @Test
    void fixedThresholdIgnoresScores() {
        assertEquals(3.25, ThresholdRule.fixed(3.25).threshold(new double[] {Double.NaN}, null));
    }

    @Test
    void trainingQuantileReadsTheModelsErrorDistribution() {
        final ErrorDistribution errors = ErrorDistribution.of(new double[] {4, 1, 3, 2});
        // h = 3 * 0.5 = 1.5 -> 2.5
        assertEquals(2.5, ThresholdRule.trainingQuantile(0.5).threshold(new double[0], errors), EPS);
        assertEquals(4, ThresholdRule.trainingQuantile(1).threshold(new double[0], errors), EPS);
    }

    @Test
    void trainingQuantileWithoutModelErrorsFailsClearly() {
        final var e = assertThrows(IllegalArgumentException.class,
            () -> ThresholdRule.trainingQuantile(0.99).threshold(ONE_TO_TEN, null));
        assertTrue(e.getMessage().contains("training errors"), e.getMessage());
    }

    @Test
    void scoreEqualToThresholdIsNormal() {
        final ThresholdRule rule = ThresholdRule.fixed(5);
        assertFalse(rule.isAnomaly(5, 5));
        assertTrue(rule.isAnomaly(Math.nextUp(5.0), 5));
        assertFalse(rule.isAnomaly(Double.NaN, 5));
    }

    @Test
    void tiedScoresAtTheThresholdAreAllNormal() {
        final double[] scores = {1, 1, 1, 1, 5};
        final ThresholdRule rule = ThresholdRule.contamination(0.4);
        // percentile 60: h = 2.4 between two 1s -> threshold 1; only the 5 is above
        final double threshold = rule.threshold(scores, null);
        assertEquals(1, threshold, EPS);
        assertEquals(1, Arrays.stream(scores).filter(s -> rule.isAnomaly(s, threshold)).count());
    }

    @Test
    void missingScoresAreIgnored() {
        final double[] scores = {Double.NaN, 1, 2, Double.NaN, 3};
        assertEquals(2, ThresholdRule.percentile(50).threshold(scores, null), EPS);
        assertEquals(2, ThresholdRule.meanPlusKSd(0).threshold(scores, null), EPS);
        // Q1: h = 0.5 -> 1.5; Q3: h = 1.5 -> 2.5; 2.5 + 1 * 1
        assertEquals(3.5, ThresholdRule.iqr(1).threshold(scores, null), EPS);
    }

    @Test
    void allMissingScoresFailClearly() {
        final double[] scores = {Double.NaN, Double.NaN};
        for (final ThresholdRule rule : List.of(ThresholdRule.percentile(95), ThresholdRule.contamination(0.1),
            ThresholdRule.meanPlusKSd(3), ThresholdRule.medianPlusKMad(3), ThresholdRule.iqr(1.5))) {
            final var e = assertThrows(IllegalArgumentException.class, () -> rule.threshold(scores, null));
            assertTrue(e.getMessage().contains("All 2 scores are missing"), e.getMessage());
        }
    }

    @Test
    void factoriesRejectParametersOutOfRange() {
        assertRejected(() -> ThresholdRule.percentile(101), "percentile must be above 0 and below 100");
        assertRejected(() -> ThresholdRule.percentile(0), "percentile must be above 0 and below 100");
        assertRejected(() -> ThresholdRule.contamination(0), "contamination");
        assertRejected(() -> ThresholdRule.contamination(1), "contamination");
        assertRejected(() -> ThresholdRule.meanPlusKSd(-1), "factor k must be 0 or positive");
        assertRejected(() -> ThresholdRule.medianPlusKMad(Double.NaN), "factor k must be 0 or positive");
        assertRejected(() -> ThresholdRule.iqr(-0.5), "factor k must be 0 or positive");
        assertRejected(() -> ThresholdRule.trainingQuantile(0), "training error quantile");
        assertRejected(() -> ThresholdRule.trainingQuantile(1.5), "training error quantile");
        assertRejected(() -> ThresholdRule.fixed(Double.NaN), "fixed threshold must be a number");
    }

    @Test
    void validateReportsProblemsWithoutThrowing() {
        final ThresholdRule invalid = new ThresholdRule.Percentile(101);
        assertEquals(1, invalid.validate().size());
        assertTrue(invalid.validate().get(0).contains("101"));
        assertTrue(ThresholdRule.percentile(95).validate().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> invalid.threshold(ONE_TO_TEN, null));
    }

    @Test
    void describeNamesRuleAndParameter() {
        assertEquals("percentile 95 of the scores", ThresholdRule.percentile(95).describe());
        assertEquals("top 5% of the scores are anomalies", ThresholdRule.contamination(0.05).describe());
        assertTrue(ThresholdRule.iqr(1.5).describe().contains("1.5"));
        assertTrue(ThresholdRule.trainingQuantile(0.99).describe().contains("99% quantile of the training errors"));
    }

    private static void assertRejected(final Supplier<ThresholdRule> factory, final String messagePart) {
        final var e = assertThrows(IllegalArgumentException.class, factory::get);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
