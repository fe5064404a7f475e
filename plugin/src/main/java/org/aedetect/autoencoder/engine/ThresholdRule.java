package org.aedetect.autoencoder.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns anomaly scores into a threshold; a row is an anomaly when its score is strictly greater than
 * the threshold, so a score equal to the threshold counts as normal, and a missing (NaN) score is never
 * an anomaly. Rules that look at the scores ignore missing scores and fail when all are missing or one is
 * infinite (an infinite score would make the threshold infinite or NaN).
 * Percentiles and quartiles use linear interpolation between order statistics (numpy's default; see
 * {@link #percentile}). The factories throw {@link IllegalArgumentException} for out-of-range
 * parameters; {@link #validate()} gives the same messages without throwing.
 */
public sealed interface ThresholdRule {

    /** MAD scale factor that makes the median absolute deviation estimate the standard deviation of normal data. */
    double MAD_TO_SD = 1.4826;

    /**
     * The threshold for {@code scores}.
     *
     * @param scores the scores to decide on; NaN = missing, ignored
     * @param trainingErrors the model's training errors; only {@link TrainingQuantile} needs them
     * @throws IllegalArgumentException if the parameters are invalid, all scores are missing, or the
     *             training errors are needed but null
     */
    double threshold(double[] scores, ErrorDistribution trainingErrors);

    /** Problems with the parameters, in words a user understands; empty if the rule is usable. */
    List<String> validate();

    /** What this rule does, for users, e.g. "percentile 95 of the scores". */
    String describe();

    /** True if {@code score} is an anomaly under {@code threshold}: strictly greater; NaN is never one. */
    default boolean isAnomaly(final double score, final double threshold) {
        return score > threshold;
    }

    /** A fixed threshold value. */
    static ThresholdRule fixed(final double value) {
        return checked(new Fixed(value));
    }

    /**
     * The p-th percentile of the scores (0 &lt; p &lt; 100, e.g. 95): h = (n - 1) p / 100 over the n
     * sorted non-missing scores, interpolated linearly between the order statistics around h.
     */
    static ThresholdRule percentile(final double p) {
        return checked(new Percentile(p));
    }

    /**
     * The threshold that marks the top {@code fraction} of the scores as anomalies (0 &lt; fraction &lt;
     * 1): the percentile 100 (1 - fraction), as PyOD's contamination does. Ties at the threshold are
     * normal, so fewer rows may be flagged.
     */
    static ThresholdRule contamination(final double fraction) {
        return checked(new Contamination(fraction));
    }

    /** Mean + k times the population standard deviation (divisor n) of the scores, k &ge; 0. */
    static ThresholdRule meanPlusKSd(final double k) {
        return checked(new MeanPlusKSd(k));
    }

    /**
     * Median + k times the scaled median absolute deviation of the scores, k &ge; 0. The MAD is
     * multiplied by {@value #MAD_TO_SD}, so that k has the meaning of "standard deviations" as in
     * {@link #meanPlusKSd} but is robust to the anomalies themselves.
     */
    static ThresholdRule medianPlusKMad(final double k) {
        return checked(new MedianPlusKMad(k));
    }

    /** Tukey's fence Q3 + k (Q3 - Q1) with the 25th and 75th percentiles of the scores, k &ge; 0 (usually 1.5). */
    static ThresholdRule iqr(final double k) {
        return checked(new Iqr(k));
    }

    /** The q-quantile (0 &lt; q &le; 1) of the model's own training errors, independent of the scores. */
    static ThresholdRule trainingQuantile(final double q) {
        return checked(new TrainingQuantile(q));
    }

    private static ThresholdRule checked(final ThresholdRule rule) {
        final List<String> problems = rule.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        return rule;
    }

    private static double[] requireScores(final double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            if (Double.isInfinite(scores[i])) {
                throw new IllegalArgumentException("Score " + (i + 1) + " is infinite (" + scores[i] + "), so no "
                    + "threshold can be computed from the scores. Remove or replace infinite scores before "
                    + "this step, or use a fixed threshold.");
            }
        }
        final double[] sorted = Quantiles.sortedWithoutMissing(scores);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("All " + scores.length
                + " scores are missing, so no threshold can be computed from them. Check the input of the scorer.");
        }
        return sorted;
    }

    private static List<String> problemIf(final boolean bad, final String message) {
        final List<String> problems = new ArrayList<>();
        if (bad) {
            problems.add(message);
        }
        return problems;
    }

    private static List<String> checkK(final double k) {
        return problemIf(!(k >= 0 && Double.isFinite(k)), "The factor k must be 0 or positive, but is " + k + ".");
    }

    /**
     * A threshold that overflowed (huge scores times k) lies beyond every score; the largest finite
     * number makes the same decisions and stays a usable number.
     */
    private static double finite(final double threshold) {
        return Double.isInfinite(threshold) ? Math.copySign(Double.MAX_VALUE, threshold) : threshold;
    }

    private static double median(final double[] sorted) {
        return Quantiles.linear(sorted, 0.5);
    }

    private static String number(final double value) {
        final boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
        return whole ? Long.toString((long)value) : Double.toString(value);
    }

    /** See {@link ThresholdRule#fixed}. */
    record Fixed(double value) implements ThresholdRule {
        @Override
        public double threshold(final double[] scores, final ErrorDistribution trainingErrors) {
            checked(this);
            return value;
        }

        @Override
        public List<String> validate() {
            return problemIf(!Double.isFinite(value), "The fixed threshold must be a number, but is " + value + ".");
        }

        @Override
        public String describe() {
            return "fixed threshold " + number(value);
        }
    }

    /** See {@link ThresholdRule#percentile}. */
    record Percentile(double p) implements ThresholdRule {
        @Override
        public double threshold(final double[] scores, final ErrorDistribution trainingErrors) {
            checked(this);
            return Quantiles.linear(requireScores(scores), p / 100);
        }

        @Override
        public List<String> validate() {
            return problemIf(!(p > 0 && p < 100), "The percentile must be above 0 and below 100 (e.g. 95), but is "
                + p + ".");
        }

        @Override
        public String describe() {
            return "percentile " + number(p) + " of the scores";
        }
    }

    /** See {@link ThresholdRule#contamination}. */
    record Contamination(double fraction) implements ThresholdRule {
        @Override
        public double threshold(final double[] scores, final ErrorDistribution trainingErrors) {
            checked(this);
            return Quantiles.linear(requireScores(scores), 1 - fraction);
        }

        @Override
        public List<String> validate() {
            return problemIf(!(fraction > 0 && fraction < 1), "The contamination (expected fraction of anomalies) "
                + "must be above 0 and below 1 (e.g. 0.05 for 5%), but is " + fraction + ".");
        }

        @Override
        public String describe() {
            return "top " + number(fraction * 100) + "% of the scores are anomalies";
        }
    }

    /** See {@link ThresholdRule#meanPlusKSd}. */
    record MeanPlusKSd(double k) implements ThresholdRule {
        @Override
        public double threshold(final double[] scores, final ErrorDistribution trainingErrors) {
            checked(this);
            final double[] sorted = requireScores(scores);
            // computed on scores divided by the largest magnitude, so that squares of scores near 1e300
            // do not overflow
            final double scale = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
            if (scale == 0) {
                return 0;
            }
            double mean = 0;
            for (final double s : sorted) {
                mean += s / scale;
            }
            mean /= sorted.length;
            double squares = 0;
            for (final double s : sorted) {
                squares += (s / scale - mean) * (s / scale - mean);
            }
            return finite((mean + k * Math.sqrt(squares / sorted.length)) * scale);
        }

        @Override
        public List<String> validate() {
            return checkK(k);
        }

        @Override
        public String describe() {
            return "mean + " + number(k) + " standard deviations of the scores";
        }
    }

    /** See {@link ThresholdRule#medianPlusKMad}. */
    record MedianPlusKMad(double k) implements ThresholdRule {
        @Override
        public double threshold(final double[] scores, final ErrorDistribution trainingErrors) {
            checked(this);
            final double[] sorted = requireScores(scores);
            final double median = median(sorted);
            final double[] deviations = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                deviations[i] = Math.abs(sorted[i] - median);
            }
            Arrays.sort(deviations);
            return finite(median + k * MAD_TO_SD * median(deviations));
        }

        @Override
        public List<String> validate() {
            return checkK(k);
        }

        @Override
        public String describe() {
            return "median + " + number(k) + " scaled median absolute deviations of the scores";
        }
    }

    /** See {@link ThresholdRule#iqr}. */
    record Iqr(double k) implements ThresholdRule {
        @Override
        public double threshold(final double[] scores, final ErrorDistribution trainingErrors) {
            checked(this);
            final double[] sorted = requireScores(scores);
            final double q1 = Quantiles.linear(sorted, 0.25);
            final double q3 = Quantiles.linear(sorted, 0.75);
            return finite(q3 + k * (q3 - q1));
        }

        @Override
        public List<String> validate() {
            return checkK(k);
        }

        @Override
        public String describe() {
            return "third quartile + " + number(k) + " interquartile ranges of the scores";
        }
    }

    /** See {@link ThresholdRule#trainingQuantile}. */
    record TrainingQuantile(double q) implements ThresholdRule {
        @Override
        public double threshold(final double[] scores, final ErrorDistribution trainingErrors) {
            checked(this);
            if (trainingErrors == null) {
                throw new IllegalArgumentException("A quantile of the training errors needs the model's training "
                    + "errors; connect the model or choose another threshold rule.");
            }
            return trainingErrors.quantile(q);
        }

        @Override
        public List<String> validate() {
            return problemIf(!(q > 0 && q <= 1), "The training error quantile must be above 0 and at most 1 "
                + "(e.g. 0.99), but is " + q + ".");
        }

        @Override
        public String describe() {
            return number(q * 100) + "% quantile of the training errors";
        }
    }
}
