package org.aedetect.autoencoder.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The whole pipeline through the command line, on the embedded data set and on a CSV given by path. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineTest {

    @TempDir
    static Path dir;

    private Path defaultRun;

    private Cli defaultCli;

    /** The embedded data set with 20 instead of 50 epochs, to keep the suite fast; PackagedJarIT runs all 50. */
    @BeforeAll
    void runOnTheEmbeddedDataSet() {
        defaultRun = dir.resolve("default");
        defaultCli = Cli.run("--output", defaultRun.toString(), "--no-progress", "--epochs", "20");
    }

    @Test
    void defaultRunWritesAllOutputsAndEvaluatesAgainstTheEmbeddedLabels() throws IOException {
        assertEquals(0, defaultCli.exitCode(), defaultCli.err());
        for (String file : List.of("scored.csv", "anomalies.csv", "model.bin", "report.txt", "report.json",
            "report.html", "loss-curve.png", "score-histogram.png")) {
            assertTrue(Files.size(defaultRun.resolve(file)) > 0, file);
        }
        assertEquals(800, javax.imageio.ImageIO.read(defaultRun.resolve("score-histogram.png").toFile()).getWidth());
        String html = Files.readString(defaultRun.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("AUROC"), "report.html shows charts and metrics");
        JsonObject report = json(defaultRun.resolve("report.json"));
        assertEquals(379, report.get("rows").getAsInt());
        assertEquals(30, report.getAsJsonArray("columns").size()); // id and diagnosis are not trained on
        JsonObject threshold = report.getAsJsonObject("threshold");
        assertEquals("percentile 95 of the scores", threshold.get("rule").getAsString());
        int anomalies = threshold.get("anomalies").getAsInt();
        assertEquals(19, anomalies); // the top 5% of 379 rows, strictly above the interpolated 95th percentile
        assertEquals(anomalies, records(defaultRun.resolve("anomalies.csv")).size());
        assertEquals(report.getAsJsonObject("model").get("epochsRun").getAsInt(),
            report.getAsJsonArray("trainingHistory").size());
        JsonObject evaluation = report.getAsJsonObject("evaluation");
        assertEquals(22, evaluation.get("positives").getAsInt());
        // the autoencoder ranks malignant tumours clearly above benign ones
        assertTrue(evaluation.get("auroc").getAsDouble() > 0.8, evaluation.toString());
        assertTrue(defaultCli.out().contains("AUROC"), defaultCli.out());
        assertTrue(report.get("backend").getAsString().startsWith("CPU"));
    }

    @Test
    void scoringWithTheSavedModelReproducesTheScores() throws IOException {
        Path again = dir.resolve("rescored");
        Cli cli = Cli.run("score", "--model", defaultRun.resolve("model.bin").toString(), "--output", again.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        List<CSVRecord> first = records(defaultRun.resolve("scored.csv"));
        List<CSVRecord> second = records(again.resolve("scored.csv"));
        assertEquals(first.size(), second.size());
        for (int r = 0; r < first.size(); r++) {
            assertEquals(first.get(r).get("Reconstruction error"), second.get(r).get("Reconstruction error"));
            assertEquals(first.get(r).get("Anomaly"), second.get(r).get("Anomaly"));
        }
        assertEquals(json(defaultRun.resolve("report.json")).getAsJsonObject("evaluation"),
            json(again.resolve("report.json")).getAsJsonObject("evaluation"));
        assertTrue(Files.notExists(again.resolve("model.bin")));
    }

    @Test
    void scoringATableWithoutATrainedColumnFailsClearly() throws IOException {
        Path csv = dir.resolve("too-few-columns.csv");
        Files.writeString(csv, "radius_mean,texture_mean\n17.99,10.38\n");
        Cli cli = Cli.run("score", "--model", defaultRun.resolve("model.bin").toString(), "--input", csv.toString(),
            "--output", dir.resolve("never").toString());
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().startsWith("autoencoder-batch: error: " + csv + " has no column \"perimeter_mean\", which "
            + "the model was trained on."), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void plantedAnomaliesInACsvGivenByPathLandInTheAnomaliesFile() throws IOException {
        Path csv = dir.resolve("sensors.csv");
        List<String> planted = writeSensorsWithPlantedAnomalies(csv);
        Path out = dir.resolve("sensors-out");
        Cli cli = Cli.run("--input", csv.toString(), "--exclude-columns", "id", "--label-column", "planted",
            "--anomaly-label", "yes", "--rule", "contamination", "--contamination", "0.03", "--epochs", "40", "--early-stopping-patience", "0", "--batch-size", "32",
            "--learning-rate", "0.02", "--backend", "cpu",
            "--append-training-percentile", "--append-column-errors", "--output", out.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> flagged = records(out.resolve("anomalies.csv")).stream().map(r -> r.get("id")).toList();
        assertTrue(flagged.containsAll(planted), "planted " + planted + ", flagged " + flagged);
        CSVRecord first = records(out.resolve("scored.csv")).get(0);
        assertTrue(first.isMapped("Reconstruction error percentile"));
        assertTrue(first.isMapped("Reconstruction error (temperature)"));
        assertTrue(cli.err().contains("Training"), "progress bar on stderr");
        JsonObject evaluation = json(out.resolve("report.json")).getAsJsonObject("evaluation");
        assertEquals(1.0, evaluation.get("recall").getAsDouble());
    }

    /**
     * 300 rows where pressure and flow follow temperature; 6 planted rows break that relation with values that are
     * each within their column's usual range.
     */
    private static List<String> writeSensorsWithPlantedAnomalies(final Path csv) throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("id,site,temperature,pressure,flow,planted"));
        List<String> planted = new ArrayList<>();
        for (int i = 1; i <= 306; i++) {
            double t = 20 + 5 * random.nextGaussian();
            double p = 2 * t + random.nextGaussian() * 0.5;
            double f = 100 - t + random.nextGaussian() * 0.5;
            boolean anomaly = i % 51 == 0;
            if (anomaly) {
                t = 20;
                p = 2 * 28;
                f = 100 - 12;
                planted.add(Integer.toString(i));
            }
            lines.add(String.format(Locale.ROOT, "%d,site-%d,%.3f,%.3f,%.3f,%s", i, i % 3, t, p, f,
                anomaly ? "yes" : "no"));
        }
        Files.write(csv, lines);
        return planted;
    }

    static List<CSVRecord> records(final Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv)) {
            return CsvTable.FORMAT.parse(reader).getRecords();
        }
    }

    private static JsonObject json(final Path file) throws IOException {
        return new JsonParser().parse(Files.readString(file)).getAsJsonObject();
    }
}
