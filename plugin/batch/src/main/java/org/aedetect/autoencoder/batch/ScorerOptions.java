package org.aedetect.autoencoder.batch;

import org.aedetect.autoencoder.engine.ErrorMetric;

import picocli.CommandLine.Option;

/** The Reconstruction Scorer's options, named and defaulted as in the node dialog. */
final class ScorerOptions {

    @Option(names = "--error-column", paramLabel = "NAME", description = "Name of the appended error column. The "
        + "per-column errors are named '<name> (<column>)' and the percentile column '<name> percentile'. Default: "
        + "${DEFAULT-VALUE}.")
    String errorColumn = "Reconstruction error";

    @Option(names = "--error-metric", paramLabel = "NAME", description = "How the per-column differences of a row "
        + "(in normalized space) become its score: mse (default, the metric of the training errors), mae, rmse, or "
        + "max-abs (the maximum absolute error).")
    ErrorMetric errorMetric = ErrorMetric.MSE;

    @Option(names = "--append-column-errors", description = "Also append one error column per model column.")
    boolean appendColumnErrors;

    @Option(names = "--append-training-percentile", description = "Also append where the row's MSE falls among the "
        + "training rows' errors, in percent (0 to 100; 99 means the row is reconstructed worse than 99%% of the "
        + "training rows).")
    boolean appendTrainingPercentile;

    String errorColumn() {
        if (errorColumn.isBlank()) {
            throw new BatchFailure("--error-column needs a name for the reconstruction error column.");
        }
        return errorColumn.trim();
    }
}
