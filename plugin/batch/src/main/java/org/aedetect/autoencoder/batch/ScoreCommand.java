package org.aedetect.autoencoder.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
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
final class ScoreCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", order = 0,
        description = "The model file (model.bin in a training run's output folder).")
    Path model;

    @ArgGroup(validate = false, heading = "%nInput:%n", order = 1)
    InputOptions input = new InputOptions();

    @ArgGroup(validate = false, heading = "%nReconstruction Scorer:%n", order = 3)
    ScorerOptions scorer = new ScorerOptions();

    @ArgGroup(validate = false, heading = "%nThreshold Filter:%n", order = 4)
    FilterOptions filter = new FilterOptions();

    @ArgGroup(validate = false, heading = "%nOutput and run:%n", order = 5)
    RunOptions run = new RunOptions();

    private final PrintStream out;

    private final PrintStream err;

    ScoreCommand(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        new BatchRun(input, scorer, filter, run, out, err).score(model);
        return 0;
    }
}
