package org.aedetect.autoencoder.chart;

import java.util.Arrays;

/**
 * Scores binned for the histogram, with the threshold and how many scores fall on each side of it. A score equal to
 * the threshold is normal, as in {@code ThresholdRule.isAnomaly}. Missing scores (NaN) are counted apart and not
 * binned; infinite scores land in the outermost bins. The bins span the finite scores and the threshold, so the
 * threshold line is always inside the picture. Small enough to keep in a node's internals instead of the scores.
 *
 * @param lower left edge of the first bin
 * @param upper right edge of the last bin
 * @param counts scores per bin, equal-width bins from lower to upper
 * @param threshold the threshold
 * @param normal scores at or below the threshold
 * @param anomalies scores above the threshold
 * @param missing missing scores
 */
public record ScoreHistogram(double lower, double upper, long[] counts, double threshold, long normal,
    long anomalies, long missing) {

    /** Fewest and most bins {@link #of(double[], double)} chooses. */
    static final int MIN_BINS = 10;

    static final int MAX_BINS = 50;

    /** @throws IllegalArgumentException if the range or the bins are unusable */
    public ScoreHistogram {
        if (!(lower < upper) || Double.isInfinite(lower) || Double.isInfinite(upper) || counts.length == 0) {
            throw new IllegalArgumentException(
                "A histogram needs a finite range and at least one bin, got [" + lower + ", " + upper + "] with "
                    + counts.length + " bins");
        }
        counts = counts.clone();
    }

    /**
     * @param scores the scores, NaN for missing
     * @param threshold the threshold (finite)
     * @return the histogram with the square root of the number of scores as bin count, between 10 and 50
     */
    public static ScoreHistogram of(final double[] scores, final double threshold) {
        int present = (int)Arrays.stream(scores).filter(s -> !Double.isNaN(s)).count();
        int bins = Math.max(MIN_BINS, Math.min(MAX_BINS, (int)Math.ceil(Math.sqrt(present))));
        return of(scores, threshold, bins);
    }

    /**
     * @param scores the scores, NaN for missing
     * @param threshold the threshold (finite)
     * @param bins the number of bins
     * @return the histogram
     */
    public static ScoreHistogram of(final double[] scores, final double threshold, final int bins) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("The threshold must be a finite number, got " + threshold);
        }
        double min = threshold;
        double max = threshold;
        for (double s : scores) {
            if (Double.isFinite(s)) {
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        if (min == max) {
            double pad = min == 0 ? 0.5 : Math.abs(min) * 0.5;
            min -= pad;
            max += pad;
        }
        long[] counts = new long[bins];
        long normal = 0;
        long anomalies = 0;
        long missing = 0;
        double width = (max - min) / bins;
        for (double s : scores) {
            if (Double.isNaN(s)) {
                missing++;
                continue;
            }
            if (s > threshold) {
                anomalies++;
            } else {
                normal++;
            }
            int bin = (int)Math.floor((s - min) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new ScoreHistogram(min, max, counts, threshold, normal, anomalies, missing);
    }

    /** @return a copy of the counts per bin */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** @return the number of bins */
    public int bins() {
        return counts.length;
    }

    /** @return the width of one bin */
    public double binWidth() {
        return (upper - lower) / counts.length;
    }

    /**
     * @param bin a bin index
     * @return its left edge
     */
    public double binStart(final int bin) {
        return lower + bin * binWidth();
    }

    /**
     * @param bin a bin index
     * @return the scores in it
     */
    public long count(final int bin) {
        return counts[bin];
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ScoreHistogram h && h.lower == lower && h.upper == upper
            && Arrays.equals(h.counts, counts) && h.threshold == threshold && h.normal == normal
            && h.anomalies == anomalies && h.missing == missing;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + Double.hashCode(threshold);
    }

    @Override
    public String toString() {
        return "ScoreHistogram[" + lower + ", " + upper + ", " + counts.length + " bins, threshold " + threshold
            + ", " + normal + " normal, " + anomalies + " anomalies, " + missing + " missing]";
    }
}
