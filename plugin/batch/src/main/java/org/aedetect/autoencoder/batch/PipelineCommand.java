package org.aedetect.autoencoder.batch;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;

/**
 * The option groups both commands share (input, scorer, filter, output and run) and their run: training plus
 * scoring ({@link AutoencoderBatch}) or scoring with a saved model ({@link ScoreCommand}).
 */
abstract class PipelineCommand implements Callable<Integer> {

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

    PipelineCommand(final PrintStream out, final PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public final Integer call() throws Exception {
        apply(new BatchRun(input, scorer, filter, run, out, err));
        return 0;
    }

    /** What the command does with the run set up from the shared options. */
    abstract void apply(BatchRun batch) throws Exception;
}
