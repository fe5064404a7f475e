package org.aedetect.autoencoder.batch;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well the scores and anomaly flags match known labels (true = a real anomaly). The ranking
 * measures use the rows with a score: AUROC is the probability that a random anomaly scores higher
 * than a random normal row, ties counting one half (the Mann-Whitney statistic); average precision is
 * the sum over the distinct score values, from the highest down, of (recall gain) x (precision), as
 * scikit-learn's {@code average_precision_score} computes it. Precision, recall and F1 use the flags
 * of all labelled rows; a ratio with a zero denominator is 0, as in scikit-learn.
 *
 * @param positives labelled anomalies
 * @param negatives labelled normal rows
 * @param auroc NaN if one of the classes has no scored row
 * @param averagePrecision NaN if no labelled anomaly has a score
 * @param truePositives anomalies flagged
 * @param falsePositives normal rows flagged
 * @param falseNegatives anomalies not flagged
 * @param trueNegatives normal rows not flagged
 */
record LabelMetrics(long positives, long negatives, double auroc, double averagePrecision, long truePositives,
    long falsePositives, long falseNegatives, long trueNegatives) {

    /**
     * @param scores one per row, NaN = missing (left out of AUROC and average precision)
     * @param flags the anomaly decision per row
     * @param labels the true class per row
     */
    static LabelMetrics of(final double[] scores, final boolean[] flags, final boolean[] labels) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i]) {
                if (flags[i]) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (flags[i]) {
                fp++;
            } else {
                tn++;
            }
        }
        final Integer[] order = scoredRowsByScoreDescending(scores);
        return new LabelMetrics(tp + fn, fp + tn, auroc(order, scores, labels), averagePrecision(order, scores, labels),
            tp, fp, fn, tn);
    }

    private static Integer[] scoredRowsByScoreDescending(final double[] scores) {
        return java.util.stream.IntStream.range(0, scores.length).filter(i -> !Double.isNaN(scores[i])).boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()).toArray(Integer[]::new);
    }

    private static double auroc(final Integer[] order, final double[] scores, final boolean[] labels) {
        long pos = 0;
        long neg = 0;
        double wins = 0; // pairs (anomaly, normal) with the anomaly scored higher; ties count 1/2
        int start = 0;
        long negativesBelow = Arrays.stream(order).filter(i -> !labels[i]).count();
        while (start < order.length) {
            int end = start;
            long groupPos = 0;
            long groupNeg = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                if (labels[order[end]]) {
                    groupPos++;
                } else {
                    groupNeg++;
                }
                end++;
            }
            negativesBelow -= groupNeg;
            wins += groupPos * (negativesBelow + groupNeg / 2.0);
            pos += groupPos;
            neg += groupNeg;
            start = end;
        }
        return pos == 0 || neg == 0 ? Double.NaN : wins / ((double)pos * neg);
    }

    private static double averagePrecision(final Integer[] order, final double[] scores, final boolean[] labels) {
        final long pos = Arrays.stream(order).filter(i -> labels[i]).count();
        if (pos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            long groupPos = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                if (labels[order[end]]) {
                    groupPos++;
                }
                end++;
            }
            seen += end - start;
            tp += groupPos;
            ap += (double)groupPos / pos * ((double)tp / seen);
            start = end;
        }
        return ap;
    }

    double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(final long numerator, final long denominator) {
        return denominator == 0 ? 0 : (double)numerator / denominator;
    }
}
