package org.aedetect.autoencoder.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The committed model-file compatibility fixture: a small model trained once by this generator and saved,
 * with its scores on fixed rows. {@link ModelCompatibilityTest} loads the committed file with every later
 * build and expects these scores, so a change that stops old model files from loading, or changes what
 * they compute, fails the build.
 *
 * <p>Regenerate only on purpose (a new model format gets a new fixture next to the old one, the old one
 * stays) with {@link CompatibilityFixtureWriter}.
 */
public final class CompatibilityFixture {

    /** File names inside the fixture folder (classpath resource folder of this package + "/compat"). */
    static final String MODEL = "model-format1.bin";

    static final String SCORES = "model-format1-scores.csv";

    static final List<String> COLUMNS = List.of("temperature", "pressure", "flow", "vibration");

    private CompatibilityFixture() {
    }

    /** The spec of the fixture model: every option away from its default where that is cheap. */
    static AutoencoderSpec spec() {
        return AutoencoderSpec.builder().hiddenLayers(3, 2).hiddenActivation(HiddenActivation.TANH)
            .normalization(NormalizationKind.Z_SCORE).missingValuePolicy(MissingValuePolicy.IMPUTE_MEAN)
            .epochs(20).batchSize(16).validationFraction(0.2).earlyStoppingPatience(3).learningRate(0.01).seed(7)
            .build();
    }

    /** Training rows: two factors behind four columns, and a few missing values. */
    static double[][] trainingRows() {
        final double[][] rows = new GeneratedData.Subspace(4, 2, 2026).inliers(120);
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = 20 + 5 * rows[i][0];
            rows[i][1] = 1000 + 50 * rows[i][1];
            if (i % 17 == 3) {
                rows[i][i % 4] = Double.NaN;
            }
        }
        return rows;
    }

    /** The rows whose scores are pinned: typical, missing, extreme and planted anomalies. */
    static double[][] probeRows() {
        final double[][] rows = new double[8][];
        final double[][] training = trainingRows();
        rows[0] = training[0].clone();
        rows[1] = training[1].clone();
        rows[2] = new double[] {20, 1000, 0, 0};
        rows[3] = new double[] {Double.NaN, 1010, 0.5, -0.5};
        rows[4] = new double[] {35, 900, 3, 3};
        rows[5] = new double[] {-40, 1200, -4, 2};
        rows[6] = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        rows[7] = new double[] {1e30, 1000, 0, 0};
        return rows;
    }

    /** Trains the fixture model and writes model file and expected scores into {@code folder}. */
    public static void main(final String[] args) throws IOException {
        final Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        final TrainedAutoencoder model = new AutoencoderTrainer().train(spec(),
            new ArrayRowSource(COLUMNS, trainingRows()), TrainingListener.NONE);
        try (OutputStream out = Files.newOutputStream(folder.resolve(MODEL))) {
            model.save(out);
        }
        final double[][] probe = probeRows();
        final List<String> lines = new ArrayList<>();
        lines.add("# " + Dl4jVersion.current() + ", engine " + ModelFile.ENGINE_VERSION
            + "; columns: values of " + COLUMNS + ", then " + List.of(ErrorMetric.values()));
        final List<double[]> scores = new ArrayList<>();
        for (final ErrorMetric metric : ErrorMetric.values()) {
            scores.add(model.score(probe, metric, false).rowErrors());
        }
        for (int r = 0; r < probe.length; r++) {
            final StringBuilder line = new StringBuilder();
            for (final double v : probe[r]) {
                line.append(v).append(',');
            }
            for (int m = 0; m < scores.size(); m++) {
                line.append(m == 0 ? "" : ",").append(scores.get(m)[r]);
            }
            lines.add(line.toString());
        }
        Files.write(folder.resolve(SCORES), lines, StandardCharsets.UTF_8);
        System.out.println(String.format(Locale.ROOT, "wrote %s and %s (%d parameters)", MODEL, SCORES,
            model.parameterCount()));
    }
}
