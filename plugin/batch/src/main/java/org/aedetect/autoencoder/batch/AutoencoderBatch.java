package org.aedetect.autoencoder.batch;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.HiddenActivation;
import org.aedetect.autoencoder.engine.LossKind;
import org.aedetect.autoencoder.engine.MissingValuePolicy;
import org.aedetect.autoencoder.engine.NormalizationKind;
import org.aedetect.autoencoder.engine.OptimizerKind;
import org.aedetect.autoencoder.engine.OutputActivation;
import org.aedetect.autoencoder.engine.backend.BackendChoice;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/**
 * The main job: the three-node pipeline (Autoencoder Learner, Reconstruction Scorer, Threshold Filter)
 * as one command. Without a subcommand it trains on the input and scores it; {@code score} applies a
 * saved model. Exit codes: 0 done, 1 the input or a setting is unusable (one-line message), 2 the
 * command line is malformed.
 */
@Command(name = "autoencoder-batch", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = AutoencoderBatch.Version.class, subcommands = ScoreCommand.class,
    usageHelpAutoWidth = true, showDefaultValues = false,
    description = {"Finds anomalies in a CSV table with an autoencoder: the Autoencoder Learner -> Reconstruction "
        + "Scorer -> Threshold Filter pipeline of the KNIME extension, without KNIME.", "",
        "Trains a feed-forward autoencoder (Deeplearning4j) on the numeric columns, appends each row's "
            + "reconstruction error (rows unlike the training data get high errors), picks a threshold by the "
            + "chosen rule (default: the 95th percentile of the errors) and flags the rows above it as anomalies. "
            + "Columns are normalized (fitted on the training rows), a share of the rows is held back for "
            + "validation, and training stops early when the validation loss stops improving, keeping the best "
            + "epoch's weights. Training is deterministic on the CPU: the same data, options and seed give the "
            + "same model.", "",
        "Writes to the --output folder: scored.csv (the input with the error and the Anomaly column appended), "
            + "anomalies.csv (the rows flagged), model.bin (the model, in the format of the nodes' model port; "
            + "apply it later with 'score --model'), report.txt and report.json (threshold, counts, training loss "
            + "per epoch, backend, and with --label-column AUROC, average precision, precision, recall and F1).", "",
        "Without --input it runs on an embedded data set (Breast Cancer Wisconsin (Diagnostic), UCI, CC BY 4.0: "
            + "357 benign and 22 malignant tumours; malignant is the anomaly class and the label column "
            + "'diagnosis' is used only for the evaluation).", ""},
    footer = {"", "Examples:", "  java -jar autoencoder-batch.jar",
        "  java -jar autoencoder-batch.jar --input sensors.csv --exclude-columns id \\",
        "      --rule contamination --contamination 0.01 --output out",
        "  java -jar autoencoder-batch.jar score --model out/model.bin \\",
        "      --input new-sensors.csv --output out-new", ""})
public final class AutoencoderBatch extends PipelineCommand {

    @ArgGroup(validate = false, heading = "%nAutoencoder Learner:%n", order = 2)
    LearnerOptions learner = new LearnerOptions();

    AutoencoderBatch(final PrintStream out, final PrintStream err) {
        super(out, err);
    }

    @Override
    void apply(final BatchRun batch) throws Exception {
        batch.train(learner);
    }

    public static void main(final String[] args) {
        // the report's charts are drawn off-screen; never look for a display
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit code. */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final boolean debug = Arrays.asList(args).contains("--debug");
        quietLibraries(debug);
        final CommandLine commandLine = commandLine(out, err);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            err.println("autoencoder-batch: error: " + message(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return commandLine.execute(args);
    }

    static CommandLine commandLine(final PrintStream out, final PrintStream err) {
        final CommandLine commandLine = new CommandLine(new AutoencoderBatch(out, err), new CommandLine.IFactory() {
            @Override
            public <K> K create(final Class<K> type) throws Exception {
                if (type == ScoreCommand.class) {
                    return type.cast(new ScoreCommand(out, err));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        EnumNames.register(commandLine, HiddenActivation.class);
        EnumNames.register(commandLine, OutputActivation.class);
        EnumNames.register(commandLine, LossKind.class);
        EnumNames.register(commandLine, OptimizerKind.class);
        EnumNames.register(commandLine, NormalizationKind.class);
        EnumNames.register(commandLine, MissingValuePolicy.class);
        EnumNames.register(commandLine, ErrorMetric.class);
        EnumNames.register(commandLine, BackendChoice.class);
        EnumNames.register(commandLine, FilterOptions.RuleKind.class);
        EnumNames.register(commandLine, FilterOptions.MissingScores.class);
        return commandLine;
    }

    /** The message for the user: ours and the engine's are written for users; others get their type. */
    private static String message(final Exception e) {
        if (e instanceof BatchFailure || e instanceof IllegalArgumentException || e instanceof java.io.IOException
            || e instanceof RuntimeException && e.getClass().getName().startsWith("org.aedetect.")) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return e + " (run again with --debug for the stack trace)";
    }

    /** ND4J logs its start-up at INFO and JLine warns about dumb terminals; users need neither. */
    private static void quietLibraries(final boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        Logger.getLogger("org.jline").setLevel(debug ? Level.INFO : Level.OFF);
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String version = AutoencoderBatch.class.getPackage().getImplementationVersion();
            return new String[] {"autoencoder-batch " + (version == null ? "(development build)" : version)
                + ", Deeplearning4j/ND4J 1.0.0-M2.1"};
        }
    }
}
