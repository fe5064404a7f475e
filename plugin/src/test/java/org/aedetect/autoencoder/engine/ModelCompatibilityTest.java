package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The committed model file (see {@link CompatibilityFixture}) loads and scores its fixed rows as when it was
 * saved; damaged copies of it (cut at any length, any single bit flipped) fail with a clear message or, where
 * the damage hits bytes the reader does not use, load a model that scores exactly the same. Nothing else: no
 * NPE, no native crash, no silently different model.
 */
class ModelCompatibilityTest {

    private static final String FOLDER = "compat/";

    /** How far a reconstructed (normalized) value may move with the CPU's float32 rounding. */
    private static final double PER_VALUE = 1e-6;

    private static byte[] file;

    private static double[][] probe;

    private static double[][] expected;

    @BeforeAll
    static void readFixture() throws IOException {
        file = resource(CompatibilityFixture.MODEL);
        final List<double[]> rows = new ArrayList<>();
        final List<double[]> scores = new ArrayList<>();
        for (final String line : new String(resource(CompatibilityFixture.SCORES), StandardCharsets.UTF_8)
            .split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final double[] values = Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            final int columns = CompatibilityFixture.COLUMNS.size();
            rows.add(Arrays.copyOf(values, columns));
            scores.add(Arrays.copyOfRange(values, columns, values.length));
        }
        probe = rows.toArray(new double[0][]);
        expected = scores.toArray(new double[0][]);
    }

    private static byte[] resource(final String name) throws IOException {
        try (InputStream in = ModelCompatibilityTest.class.getResourceAsStream(FOLDER + name)) {
            assertNotNull(in, "fixture " + name + " is on the test classpath");
            return in.readAllBytes();
        }
    }

    private static TrainedAutoencoder load(final byte[] bytes) throws IOException {
        return TrainedAutoencoder.load(new ByteArrayInputStream(bytes));
    }

    private static double[][] scores(final TrainedAutoencoder model) {
        final ErrorMetric[] metrics = ErrorMetric.values();
        final double[][] scores = new double[probe.length][metrics.length];
        for (int m = 0; m < metrics.length; m++) {
            final double[] column = model.score(probe, metrics[m], false).rowErrors();
            for (int r = 0; r < probe.length; r++) {
                scores[r][m] = column[r];
            }
        }
        return scores;
    }

    @Test
    void theCommittedModelLoadsAndScoresItsFixedRowsAsWhenSaved() throws IOException {
        final TrainedAutoencoder model = load(file);
        assertEquals(CompatibilityFixture.COLUMNS, model.columnNames());
        assertEquals(CompatibilityFixture.spec().toBuilder().outputActivation(OutputActivation.LINEAR).build(),
            model.spec());
        final double[][] actual = scores(model);
        assertEquals(8, actual.length);
        for (int r = 0; r < actual.length; r++) {
            for (int m = 0; m < actual[r].length; m++) {
                // identical where it was saved; other CPUs and OpenBLAS kernel sets (OPENBLAS_CORETYPE) round
                // the network's float32 sums differently. A reconstructed value may then move by about an ulp
                // (1e-7 near 1; allowed: PER_VALUE), which moves a squared error by up to 2 |residual| times
                // that: 2e-6 relative on row 3's MSE between the Haswell and Cooperlake kernels
                final double e = Math.abs(expected[r][m]);
                assertEquals(expected[r][m], actual[r][m], 1e-6 * e + 2 * PER_VALUE * Math.sqrt(e) + PER_VALUE,
                    "row " + (r + 1) + ", " + ErrorMetric.values()[m]);
            }
        }
        assertTrue(Arrays.stream(actual).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite),
            "the imputing model scores every fixed row, the all-missing and the 1e30 one included");
    }

    @Test
    void theCommittedModelSurvivesAnotherSaveAndLoadUnchanged() throws IOException {
        final TrainedAutoencoder model = load(file);
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        model.save(out);
        assertArrayEquals(scores(model), scores(load(out.toByteArray())));
    }

    @Property(tries = 30)
    void anyTruncationFailsClearly(@ForAll @IntRange(min = 0, max = 100_000) final int cut) {
        final int length = cut % file.length;
        final var e = org.junit.jupiter.api.Assertions.assertThrows(ModelFormatException.class,
            () -> load(Arrays.copyOf(file, length)));
        assertClear(e);
    }

    @Property(tries = 30)
    void anySingleBitFlipFailsClearlyOrChangesNothing(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int bit)
        throws IOException {
        if (expected == null) {
            readFixture();
        }
        final byte[] flipped = file.clone();
        final int position = bit % (flipped.length * 8);
        flipped[position / 8] ^= (byte)(1 << (position % 8));
        final TrainedAutoencoder model;
        try {
            model = load(flipped);
        } catch (ModelFormatException e) {
            assertClear(e);
            return;
        }
        // the flip hit bytes the reader ignores (zip timestamps, the central directory, ...)
        assertArrayEquals(scores(load(file)), scores(model), "bit " + position + " changed the model silently");
    }

    private static void assertClear(final ModelFormatException e) {
        final String m = e.getMessage();
        assertTrue(m != null && (m.contains("Save the model again") || m.contains("Train the model again")
            || m.contains("Choose a file saved by the Autoencoder Learner") || m.contains("Update the extension")
            || m.contains("choose the right file")), m);
    }
}
