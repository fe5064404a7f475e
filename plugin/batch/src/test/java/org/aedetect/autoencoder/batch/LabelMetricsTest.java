package org.aedetect.autoencoder.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void metricsMatchHandComputedValues() {
        // anomalies at the 1st and 3rd highest score; the two highest rows are flagged
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        boolean[] labels = {true, false, true, false, false, false};
        boolean[] flags = {true, true, false, false, false, false};
        LabelMetrics m = LabelMetrics.of(scores, flags, labels);
        // AUROC: 0.9 beats 4 normal rows, 0.7 beats 3 of 4: 7 / (2 * 4)
        assertEquals(7.0 / 8, m.auroc(), EPS);
        // AP: recall 1/2 at precision 1/1, then recall 2/2 at precision 2/3
        assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, m.averagePrecision(), EPS);
        assertEquals(1, m.truePositives());
        assertEquals(1, m.falsePositives());
        assertEquals(1, m.falseNegatives());
        assertEquals(3, m.trueNegatives());
        assertEquals(0.5, m.precision(), EPS);
        assertEquals(0.5, m.recall(), EPS);
        assertEquals(0.5, m.f1(), EPS);
    }

    @Test
    void tiedScoresCountHalfInAurocAndFormOneStepInAveragePrecision() {
        double[] scores = {0.5, 0.5, 0.1};
        boolean[] labels = {true, false, false};
        LabelMetrics m = LabelMetrics.of(scores, new boolean[] {true, true, false}, labels);
        // the anomaly ties one normal row (1/2) and beats the other (1): 1.5 / 2
        assertEquals(0.75, m.auroc(), EPS);
        // one step at the tied score: recall 1 at precision 1/2
        assertEquals(0.5, m.averagePrecision(), EPS);
        assertEquals(0.5, m.precision(), EPS);
        assertEquals(1.0, m.recall(), EPS);
        assertEquals(2.0 / 3, m.f1(), EPS);
    }

    @Test
    void rowsWithoutScoreAreLeftOutOfTheRankingButCountInTheFlags() {
        double[] scores = {Double.NaN, 0.9, 0.1};
        boolean[] labels = {true, true, false};
        LabelMetrics m = LabelMetrics.of(scores, new boolean[] {false, true, false}, labels);
        assertEquals(1.0, m.auroc(), EPS);
        assertEquals(1.0, m.averagePrecision(), EPS); // the ranked anomaly is first
        assertEquals(1, m.falseNegatives());
        assertEquals(0.5, m.recall(), EPS);
    }

    @Test
    void undefinedRatiosAreZeroAndAurocWithoutOneClassIsNaN() {
        LabelMetrics m = LabelMetrics.of(new double[] {0.2, 0.1}, new boolean[2], new boolean[] {true, true});
        assertTrue(Double.isNaN(m.auroc()));
        assertEquals(0, m.precision());
        assertEquals(0, m.f1());
    }
}
