package org.aedetect.autoencoder.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.aedetect.autoencoder.chart.Charts;
import org.aedetect.autoencoder.chart.ReportPage;
import org.aedetect.autoencoder.engine.ArrayRowSource;
import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.InvalidDataException;
import org.aedetect.autoencoder.engine.MissingValuePolicy;
import org.aedetect.autoencoder.engine.ModelFormatException;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;

/**
 * One run of the pipeline: read the CSV, train (or load) the model, score, threshold, and write the
 * output folder. Every option is checked before the slow part starts, so that a typo fails at once.
 */
final class BatchRun {

    static final String SCORED = "scored.csv";

    static final String ANOMALIES = "anomalies.csv";

    static final String MODEL = "model.bin";

    static final String REPORT_TEXT = "report.txt";

    static final String REPORT_JSON = "report.json";

    static final String REPORT_HTML = "report.html";

    static final String LOSS_PNG = "loss-curve.png";

    static final String HISTOGRAM_PNG = "score-histogram.png";

    private final InputOptions input;

    private final ScorerOptions scorer;

    private final FilterOptions filter;

    private final RunOptions run;

    private final PrintStream out;

    private final PrintStream err;

    BatchRun(final InputOptions input, final ScorerOptions scorer, final FilterOptions filter, final RunOptions run,
        final PrintStream out, final PrintStream err) {
        this.input = input;
        this.scorer = scorer;
        this.filter = filter;
        this.run = run;
        this.out = out;
        this.err = err;
    }

    /** Learner, Scorer and Threshold Filter on the input; writes all outputs including the model. */
    void train(final LearnerOptions learner) throws IOException {
        final AutoencoderSpec spec = learner.toSpec();
        filter.rule();
        final CsvTable table = readInput();
        final Labels labels = readLabels(table);
        final List<String> columns = trainingColumns(table);
        ScoredTable.appendedNames(columns, table, scorer, filter); // a taken column name fails before training
        final Path folder = outputFolder();
        final BackendInfo backend = startBackend();

        err.println("Training on " + table.rowCount() + " rows x " + columns.size() + " columns of " + table.source()
            + " (" + backend.describe() + ")");
        final TrainedAutoencoder model;
        try (TrainingProgress progress = run.noProgress ? null : new TrainingProgress(err, spec.epochs())) {
            model = new AutoencoderTrainer().train(spec, new ArrayRowSource(columns, table.values(columns)), progress);
        } catch (InvalidDataException e) {
            final boolean missing = spec.missingValuePolicy() == MissingValuePolicy.FAIL
                && e.getMessage().contains("missing value");
            throw new BatchFailure(e.getMessage() + (missing ? " Here: --missing-values skip-row or impute-mean." : ""),
                e);
        }
        final Path modelFile = folder.resolve(MODEL);
        try (OutputStream modelOut = Files.newOutputStream(modelFile)) {
            model.save(modelOut);
        }
        finish("train", table, labels, model, folder, List.<String[]>of(new String[] {"model", modelFile.toString()}),
            model.warnings());
    }

    /** Scorer and Threshold Filter with a saved model; writes scored.csv, anomalies.csv and the report. */
    void score(final Path modelPath) throws IOException {
        filter.rule();
        scorer.errorColumn();
        final CsvTable table = readInput();
        final Labels labels = readLabels(table);
        startBackend();
        final TrainedAutoencoder model = loadModel(modelPath);
        for (final String column : model.columnNames()) {
            if (!table.header().contains(column)) {
                throw new BatchFailure(table.source() + " has no column \"" + column + "\", which the model was "
                    + "trained on. The input must contain all " + model.columnNames().size() + " model columns ("
                    + String.join(", ", model.columnNames()) + "); rename or add the column.");
            }
        }
        final Path folder = outputFolder();
        finish("score", table, labels, model, folder, List.<String[]>of(new String[] {"model", modelPath.toString()}),
            List.of());
    }

    private void finish(final String command, final CsvTable table, final Labels labels,
        final TrainedAutoencoder model, final Path folder, final List<String[]> extraFiles,
        final List<String> modelWarnings) throws IOException {
        final ScoredTable scored = ScoredTable.score(model, table, scorer, filter);
        final Path scoredFile = folder.resolve(SCORED);
        final Path anomaliesFile = folder.resolve(ANOMALIES);
        scored.write(scoredFile, anomaliesFile);
        final LabelMetrics metrics = labels == null ? null : labels.evaluate(scored.scores(), scored.anomaly());
        final List<String[]> files = new ArrayList<>();
        files.add(new String[] {"scored", scoredFile.toString()});
        files.add(new String[] {"anomalies", anomaliesFile.toString()});
        files.addAll(extraFiles);
        files.add(new String[] {"report", folder.resolve(REPORT_TEXT) + ", " + folder.resolve(REPORT_JSON) + ", "
            + folder.resolve(REPORT_HTML)});
        files.add(new String[] {"charts", folder.resolve(LOSS_PNG) + ", " + folder.resolve(HISTOGRAM_PNG)});
        final BackendInfo backend = Nd4jRuntime.current();
        final List<String> warnings = new ArrayList<>(modelWarnings);
        warnings.addAll(backend.warnings());
        if (scored.missingScores() > 0) {
            warnings.add(scored.missingScores() + (scored.missingScores() == 1 ? " row has" : " rows have")
                + " a missing value in a model column and no score; counted as " + EnumNames.name(filter.missingScores)
                + " (--missing-scores).");
        }
        final Report report = new Report(command, table.source(), model.columnNames(), model, scored, labels, metrics,
            backend.describe(), warnings, files);
        report.write(folder.resolve(REPORT_TEXT), folder.resolve(REPORT_JSON));
        writePictures(command, table, model, scored, metrics, backend, folder);
        out.print(report.text());
    }

    /** The loss curve and score histogram as PNG files, and both with the numbers in one HTML page. */
    private static void writePictures(final String command, final CsvTable table, final TrainedAutoencoder model,
        final ScoredTable scored, final LabelMetrics metrics, final BackendInfo backend, final Path folder)
        throws IOException {
        Charts.writeLossCurvePng(model.history(), folder.resolve(LOSS_PNG));
        Charts.writeHistogramPng(scored.scores(), scored.threshold(), folder.resolve(HISTOGRAM_PNG));
        final Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Input", table.source());
        facts.put("Rows", Integer.toString(scored.rowCount()));
        facts.put("Model columns", Integer.toString(model.columnNames().size()));
        facts.put("Backend", backend.describe());
        if (metrics != null) {
            facts.put("AUROC", String.format(Locale.ROOT, "%.4f", metrics.auroc()));
            facts.put("Average precision", String.format(Locale.ROOT, "%.4f", metrics.averagePrecision()));
            facts.put("Precision / recall / F1 at the threshold", String.format(Locale.ROOT, "%.3f / %.3f / %.3f",
                metrics.precision(), metrics.recall(), metrics.f1()));
        }
        ReportPage.writeHtml(folder.resolve(REPORT_HTML), "Autoencoder anomaly detection (" + command + ")", facts,
            model.history(), scored.scores(), scored.threshold(), scored.rule().describe());
    }

    private CsvTable readInput() {
        if (input.input != null) {
            return CsvTable.read(input.input);
        }
        final CsvTable table = EmbeddedData.read();
        if (input.labelColumn == null) {
            input.labelColumn = EmbeddedData.LABEL_COLUMN;
            if (input.anomalyLabel == null) {
                input.anomalyLabel = EmbeddedData.ANOMALY_LABEL;
            }
        }
        if (input.columns.isEmpty() && input.excludeColumns.isEmpty()) {
            input.excludeColumns.add(EmbeddedData.ID_COLUMN);
        }
        return table;
    }

    private Labels readLabels(final CsvTable table) {
        if (input.labelColumn == null) {
            return null;
        }
        return Labels.read(table, input.labelColumn, input.anomalyLabel == null ? "1" : input.anomalyLabel);
    }

    private List<String> trainingColumns(final CsvTable table) {
        if (!input.columns.isEmpty()) {
            final Set<String> seen = new HashSet<>();
            for (final String column : input.columns) {
                table.index(column, "named in --columns");
                if (column.equals(input.labelColumn)) {
                    throw new BatchFailure("The label column \"" + column + "\" cannot also be a training column; "
                        + "leave it out of --columns.");
                }
                if (!seen.add(column)) {
                    throw new BatchFailure("--columns names \"" + column + "\" twice.");
                }
            }
            return List.copyOf(input.columns);
        }
        final Set<String> excluded = new HashSet<>(input.excludeColumns);
        for (final String column : input.excludeColumns) {
            table.index(column, "named in --exclude-columns");
        }
        if (input.labelColumn != null) {
            excluded.add(input.labelColumn);
        }
        final List<String> numeric = table.numericColumns(excluded);
        if (numeric.isEmpty()) {
            throw new BatchFailure(table.source() + " has no numeric column to train on (besides the label and "
                + "excluded columns). The autoencoder trains on columns whose cells are all numbers; name them with "
                + "--columns or fix the file.");
        }
        return numeric;
    }

    private Path outputFolder() {
        try {
            return Files.createDirectories(run.output);
        } catch (IOException e) {
            throw new BatchFailure("Cannot create the output folder " + run.output + ": " + e, e);
        }
    }

    private BackendInfo startBackend() {
        if (run.backend != null) {
            System.setProperty(Nd4jRuntime.BACKEND_PROPERTY, run.backend.name());
        }
        return Nd4jRuntime.ensureInitialized();
    }

    private static TrainedAutoencoder loadModel(final Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return TrainedAutoencoder.load(in);
        } catch (NoSuchFileException e) {
            throw new BatchFailure("The model file " + path + " does not exist. Give a model.bin written by a "
                + "training run (in its --output folder).", e);
        } catch (ModelFormatException e) {
            throw new BatchFailure(path + " is not a usable model file: " + e.getMessage(), e);
        }
    }
}
