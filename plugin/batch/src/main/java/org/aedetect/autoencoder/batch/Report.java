package org.aedetect.autoencoder.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The short report of a run, as text for people (report.txt) and as JSON for programs (report.json):
 * input, model and training (loss per epoch), threshold and counts, and the evaluation against the
 * labels when there are any.
 *
 * @param command "train" or "score"
 * @param input what was read
 * @param columns the model's input columns
 * @param model the model that scored (just trained, or loaded)
 * @param scored the scores and decisions
 * @param labels the labels, or null
 * @param metrics the evaluation, or null without labels
 * @param backend the backend that ran, e.g. "CPU (CPU amd64, 2 cores, 2 threads)"
 * @param warnings things the user should know
 * @param files the files written, by role
 */
record Report(String command, String input, List<String> columns, TrainedAutoencoder model, ScoredTable scored,
    Labels labels, LabelMetrics metrics, String backend, List<String> warnings, List<String[]> files) {

    void write(final Path text, final Path json) throws IOException {
        Files.writeString(text, text(), StandardCharsets.UTF_8);
        Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create()
            .toJson(json()) + "\n", StandardCharsets.UTF_8);
    }

    String text() {
        final StringBuilder s = new StringBuilder();
        line(s, "Autoencoder anomaly detection (%s)", command);
        line(s, "");
        line(s, "Input:      %s", input);
        line(s, "Rows:       %d", scored.rowCount());
        line(s, "Columns:    %d (%s)", columns.size(), String.join(", ", columns));
        line(s, "Backend:    %s", backend);
        line(s, "");
        line(s, "Model");
        line(s, "  layers:          %s", layers());
        line(s, "  parameters:      %d", model.parameterCount());
        line(s, "  training rows:   %d (validation %d, skipped %d)", model.trainingRowCount(),
            model.validationRowCount(), model.skippedRowCount());
        line(s, "  epochs run:      %d of %d, weights of epoch %d", model.history().size(), model.spec().epochs(),
            model.bestEpoch());
        line(s, "  training error:  mean %s, 99%% quantile %s (MSE)", fmt(model.trainingErrors().mean()),
            fmt(model.trainingErrors().quantile(0.99)));
        if ("train".equals(command)) {
            line(s, "");
            line(s, "Training loss per epoch");
            line(s, "  epoch  training loss  validation loss  seconds");
            for (final EpochEvent e : model.history()) {
                line(s, "  %5d  %13s  %15s  %7.2f", e.epoch(), fmt(e.trainingLoss()), fmt(e.validationLoss()),
                    e.seconds());
            }
        }
        line(s, "");
        line(s, "Threshold");
        line(s, "  rule:            %s", scored.rule().describe());
        line(s, "  threshold:       %s (%s score)", fmt(scored.threshold()), EnumNames.name(scored.metric()));
        line(s, "  anomalies:       %d of %d rows (%.1f%%)", scored.anomalyCount(), scored.rowCount(),
            100.0 * scored.anomalyCount() / scored.rowCount());
        line(s, "  normal rows:     %d", scored.rowCount() - scored.anomalyCount());
        line(s, "  missing scores:  %d", scored.missingScores());
        if (metrics != null) {
            line(s, "");
            line(s, "Evaluation against label column \"%s\" (anomaly = \"%s\")", labels.column(), labels.anomalyLabel());
            line(s, "  labelled rows:      %d anomalies, %d normal", metrics.positives(), metrics.negatives());
            line(s, "  AUROC:              %s", fmt(metrics.auroc()));
            line(s, "  average precision:  %s", fmt(metrics.averagePrecision()));
            line(s, "  at the threshold:   precision %s, recall %s, F1 %s", fmt(metrics.precision()),
                fmt(metrics.recall()), fmt(metrics.f1()));
            line(s, "  confusion:          TP %d, FP %d, FN %d, TN %d", metrics.truePositives(),
                metrics.falsePositives(), metrics.falseNegatives(), metrics.trueNegatives());
        }
        if (!warnings.isEmpty()) {
            line(s, "");
            line(s, "Warnings");
            warnings.forEach(w -> line(s, "  - %s", w));
        }
        line(s, "");
        line(s, "Files");
        files.forEach(f -> line(s, "  %-14s %s", f[0] + ":", f[1]));
        return s.toString();
    }

    JsonObject json() {
        final JsonObject root = new JsonObject();
        root.addProperty("command", command);
        root.addProperty("input", input);
        root.addProperty("rows", scored.rowCount());
        root.add("columns", strings(columns));
        root.addProperty("backend", backend);
        final JsonObject m = new JsonObject();
        m.add("hiddenLayers", ints(model.spec().hiddenLayers()));
        m.addProperty("parameters", model.parameterCount());
        m.addProperty("trainingRows", model.trainingRowCount());
        m.addProperty("validationRows", model.validationRowCount());
        m.addProperty("skippedRows", model.skippedRowCount());
        m.addProperty("epochsRun", model.history().size());
        m.addProperty("bestEpoch", model.bestEpoch());
        m.addProperty("spec", model.spec().toString());
        m.addProperty("trainingErrorMean", model.trainingErrors().mean());
        m.addProperty("trainingErrorQuantile99", model.trainingErrors().quantile(0.99));
        root.add("model", m);
        final JsonArray history = new JsonArray();
        for (final EpochEvent e : model.history()) {
            final JsonObject epoch = new JsonObject();
            epoch.addProperty("epoch", e.epoch());
            epoch.addProperty("trainingLoss", e.trainingLoss());
            epoch.addProperty("validationLoss", Double.isNaN(e.validationLoss()) ? null : e.validationLoss());
            epoch.addProperty("seconds", e.seconds());
            history.add(epoch);
        }
        root.add("trainingHistory", history);
        final JsonObject t = new JsonObject();
        t.addProperty("rule", scored.rule().describe());
        t.addProperty("metric", EnumNames.name(scored.metric()));
        t.addProperty("threshold", scored.threshold());
        t.addProperty("anomalies", scored.anomalyCount());
        t.addProperty("normal", scored.rowCount() - scored.anomalyCount());
        t.addProperty("missingScores", scored.missingScores());
        root.add("threshold", t);
        if (metrics != null) {
            final JsonObject e = new JsonObject();
            e.addProperty("labelColumn", labels.column());
            e.addProperty("anomalyLabel", labels.anomalyLabel());
            e.addProperty("positives", metrics.positives());
            e.addProperty("negatives", metrics.negatives());
            e.addProperty("auroc", nullIfNaN(metrics.auroc()));
            e.addProperty("averagePrecision", nullIfNaN(metrics.averagePrecision()));
            e.addProperty("precision", metrics.precision());
            e.addProperty("recall", metrics.recall());
            e.addProperty("f1", metrics.f1());
            e.addProperty("truePositives", metrics.truePositives());
            e.addProperty("falsePositives", metrics.falsePositives());
            e.addProperty("falseNegatives", metrics.falseNegatives());
            e.addProperty("trueNegatives", metrics.trueNegatives());
            root.add("evaluation", e);
        }
        root.add("warnings", strings(warnings));
        final JsonObject f = new JsonObject();
        files.forEach(file -> f.addProperty(file[0], file[1]));
        root.add("files", f);
        return root;
    }

    private String layers() {
        final int[] hidden = model.spec().hiddenLayers();
        final int[] all = new int[hidden.length * 2 + 1];
        all[0] = columns.size();
        for (int i = 0; i < hidden.length; i++) {
            all[i + 1] = hidden[i];
            all[all.length - 1 - i - 1] = hidden[i];
        }
        all[all.length - 1] = columns.size();
        return String.join("-", Arrays.stream(all).mapToObj(Integer::toString).toList()) + " ("
            + EnumNames.name(model.spec().hiddenActivation()) + " hidden, "
            + EnumNames.name(model.spec().outputActivation()) + " output)";
    }

    private static Double nullIfNaN(final double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static JsonArray strings(final List<String> values) {
        final JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static JsonArray ints(final int[] values) {
        final JsonArray array = new JsonArray();
        Arrays.stream(values).forEach(array::add);
        return array;
    }

    private static String fmt(final double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static void line(final StringBuilder s, final String format, final Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
