package org.aedetect.autoencoder.batch;

import java.io.PrintStream;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Applies a saved model: the Reconstruction Scorer and the Threshold Filter on new rows. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Applies a saved model to a CSV table: scores the rows and flags the anomalies.", "",
        "Applies a model saved by a training run (model.bin) to a CSV table: appends each row's "
        + "reconstruction error and flags the rows above the threshold as anomalies. The table must contain all "
        + "columns the model was trained on, as numbers, by name; their order does not matter and other columns "
        + "are passed through unchanged. Rows with a missing value in a model column get missing scores unless the "
        + "model was trained with --missing-values impute-mean.", "",
        "Writes scored.csv, anomalies.csv, report.txt and report.json to the --output folder.", ""})
final class ScoreCommand extends PipelineCommand {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", order = 0,
        description = "The model file (model.bin in a training run's output folder).")
    Path model;

    ScoreCommand(final PrintStream out, final PrintStream err) {
        super(out, err);
    }

    @Override
    void apply(final BatchRun batch) throws Exception {
        batch.score(model);
    }
}
