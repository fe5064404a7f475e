package org.aedetect.autoencoder.batch;

import org.aedetect.autoencoder.engine.ThresholdRule;

import picocli.CommandLine.Option;

/** The Threshold Filter's options, named and defaulted as in the node dialog. */
final class FilterOptions {

    /** The threshold rules, as the node dialog offers them. */
    enum RuleKind {
        PERCENTILE, CONTAMINATION, FIXED, MEAN_K_SD, MEDIAN_K_MAD, IQR, TRAINING_QUANTILE
    }

    /** What a row with a missing score becomes. */
    enum MissingScores {
        NORMAL, ANOMALY, FAIL
    }

    @Option(names = "--rule", paramLabel = "RULE", description = {"How the threshold is chosen; a row is an anomaly "
        + "when its score is above it (equal is normal). Only the chosen rule's parameter is used; rules that look at "
        + "the scores ignore missing scores.",
        "  percentile: a percentile of the scores (default)",
        "  contamination: the expected share of anomalies",
        "  fixed: a fixed value",
        "  mean-k-sd: mean + k standard deviations",
        "  median-k-mad: median + k scaled MADs (robust)",
        "  iqr: Tukey's fence Q3 + k IQR",
        "  training-quantile: a quantile of the model's own training errors (assumes mse scores)"})
    RuleKind rule = RuleKind.PERCENTILE;

    @Option(names = "--percentile", paramLabel = "P",
        description = "For percentile: above 0 and below 100. Default: ${DEFAULT-VALUE}.")
    double percentile = 95;

    @Option(names = "--contamination", paramLabel = "FRACTION", description = "For contamination: the expected "
        + "fraction of anomalies, above 0 and below 1 (0.05 marks the top 5%%). Default: ${DEFAULT-VALUE}.")
    double contamination = 0.05;

    @Option(names = "--fixed-threshold", paramLabel = "VALUE",
        description = "For fixed: the threshold itself. Default: ${DEFAULT-VALUE}.")
    double fixedThreshold = 0.1;

    @Option(names = "--k-sd", paramLabel = "K",
        description = "For mean-k-sd: the factor k, 0 or more. Default: ${DEFAULT-VALUE}.")
    double kSd = 3;

    @Option(names = "--k-mad", paramLabel = "K", description = "For median-k-mad: the factor k, 0 or more; the MAD is "
        + "scaled by 1.4826 so that k counts standard deviations for normally distributed scores. Default: "
        + "${DEFAULT-VALUE}.")
    double kMad = 3;

    @Option(names = "--k-iqr", paramLabel = "K",
        description = "For iqr: the factor k, 0 or more. Default: ${DEFAULT-VALUE}.")
    double kIqr = 1.5;

    @Option(names = "--training-quantile", paramLabel = "Q", description = "For training-quantile: the quantile q of "
        + "the model's training errors, above 0 and at most 1. Default: ${DEFAULT-VALUE}.")
    double trainingQuantile = 0.99;

    @Option(names = "--missing-scores", paramLabel = "AS", description = "What a row with a missing score is: normal "
        + "(default), anomaly, or fail.")
    MissingScores missingScores = MissingScores.NORMAL;

    @Option(names = "--anomaly-column", paramLabel = "NAME",
        description = "Name of the appended true/false anomaly column. Default: ${DEFAULT-VALUE}.")
    String anomalyColumn = "Anomaly";

    /**
     * The engine rule for the chosen kind and its parameter.
     *
     * @throws BatchFailure if the parameter is out of range, naming the option
     */
    ThresholdRule rule() {
        try {
            return switch (rule) {
                case PERCENTILE -> ThresholdRule.percentile(percentile);
                case CONTAMINATION -> ThresholdRule.contamination(contamination);
                case FIXED -> ThresholdRule.fixed(fixedThreshold);
                case MEAN_K_SD -> ThresholdRule.meanPlusKSd(kSd);
                case MEDIAN_K_MAD -> ThresholdRule.medianPlusKMad(kMad);
                case IQR -> ThresholdRule.iqr(kIqr);
                case TRAINING_QUANTILE -> ThresholdRule.trainingQuantile(trainingQuantile);
            };
        } catch (IllegalArgumentException e) {
            throw new BatchFailure(parameterOption() + ": " + e.getMessage(), e);
        }
    }

    private String parameterOption() {
        return switch (rule) {
            case PERCENTILE -> "--percentile";
            case CONTAMINATION -> "--contamination";
            case FIXED -> "--fixed-threshold";
            case MEAN_K_SD -> "--k-sd";
            case MEDIAN_K_MAD -> "--k-mad";
            case IQR -> "--k-iqr";
            case TRAINING_QUANTILE -> "--training-quantile";
        };
    }

    String anomalyColumn() {
        if (anomalyColumn.isBlank()) {
            throw new BatchFailure("--anomaly-column needs a name for the anomaly column.");
        }
        return anomalyColumn.trim();
    }
}
