package org.aedetect.autoencoder.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

    @Test
    void scoreEqualToTheThresholdIsNormalAndMissingScoresAreCountedApart() {
        ScoreHistogram h = ScoreHistogram.of(new double[]{0.1, 0.2, 0.3, 0.3, 0.9, Double.NaN}, 0.3, 4);
        assertEquals(4, h.normal());
        assertEquals(1, h.anomalies());
        assertEquals(1, h.missing());
        assertEquals(5, Arrays.stream(h.counts()).sum());
        assertEquals(0.1, h.lower(), 1e-12);
        assertEquals(0.9, h.upper(), 1e-12);
    }

    @Test
    void rangeReachesTheThresholdWhenItLiesOutsideTheScores() {
        ScoreHistogram h = ScoreHistogram.of(new double[]{1, 2, 3}, 10, 5);
        assertEquals(10, h.upper(), 1e-12);
        assertEquals(3, h.normal());
        assertEquals(0, h.anomalies());
    }

    @Test
    void identicalScoresAndNoScoresStillGiveARange() {
        ScoreHistogram same = ScoreHistogram.of(new double[]{2, 2, 2}, 2);
        assertTrue(same.lower() < 2 && same.upper() > 2);
        assertEquals(3, Arrays.stream(same.counts()).sum());
        ScoreHistogram none = ScoreHistogram.of(new double[]{Double.NaN}, 0);
        assertTrue(none.lower() < 0 && none.upper() > 0);
        assertEquals(1, none.missing());
    }

    @Test
    void infiniteScoresLandInTheOutermostBins() {
        ScoreHistogram h = ScoreHistogram.of(new double[]{0, 1, Double.POSITIVE_INFINITY}, 0.5, 2);
        assertEquals(2, h.count(1));
        assertEquals(2, h.anomalies());
    }

    @Test
    void binCountGrowsWithTheSquareRootOfTheRowsWithinBounds() {
        assertEquals(ScoreHistogram.MIN_BINS, ScoreHistogram.of(new double[]{1, 2, 3}, 2).bins());
        assertEquals(30, ScoreHistogram.of(new double[900], 0).bins());
        assertEquals(ScoreHistogram.MAX_BINS, ScoreHistogram.of(new double[100_000], 0).bins());
    }

    @Test
    void thresholdMustBeFinite() {
        assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.of(new double[]{1}, Double.NaN));
    }
}
