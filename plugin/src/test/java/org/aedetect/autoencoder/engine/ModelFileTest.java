package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelFileTest {

    private static TrainedAutoencoder model;

    private static byte[] saved;

    private static double[][] rows;

    @BeforeAll
    static void trainAndSave() throws IOException {
        final GeneratedData.Subspace data = new GeneratedData.Subspace(6, 2, 1);
        rows = data.inliers(200);
        // no validation rows: the history then holds NaN validation losses, which must survive the file
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(4, 2).epochs(3).validationFraction(0)
            .missingValuePolicy(MissingValuePolicy.IMPUTE_MEAN).build();
        model = new AutoencoderTrainer().train(spec, ArrayRowSource.of(rows), TrainingListener.NONE);
        saved = save(model);
    }

    private static byte[] save(final TrainedAutoencoder m) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        return out.toByteArray();
    }

    private static TrainedAutoencoder load(final byte[] bytes) throws IOException {
        return TrainedAutoencoder.load(new ByteArrayInputStream(bytes));
    }

    @Test
    void loadedModelScoresBitIdentically() throws IOException {
        final TrainedAutoencoder loaded = load(saved);
        for (final ErrorMetric metric : ErrorMetric.values()) {
            final ScoreResult before = model.score(rows, metric, true);
            final ScoreResult after = loaded.score(rows, metric, true);
            assertArrayEquals(before.rowErrors(), after.rowErrors(), metric.name());
            assertTrue(Arrays.deepEquals(before.columnErrors(), after.columnErrors()), metric.name());
        }
    }

    @Test
    void loadedModelKeepsEverythingItKnew() throws IOException {
        final TrainedAutoencoder loaded = load(saved);
        assertEquals(model.columnNames(), loaded.columnNames());
        assertEquals(model.spec(), loaded.spec());
        assertEquals(model.normalizer(), loaded.normalizer());
        assertEquals(model.history(), loaded.history());
        assertTrue(Double.isNaN(loaded.history().get(0).validationLoss()));
        assertEquals(model.bestEpoch(), loaded.bestEpoch());
        assertEquals(model.backend(), loaded.backend());
        assertEquals(model.warnings(), loaded.warnings());
        assertArrayEquals(model.trainingErrors().table(), loaded.trainingErrors().table());
        assertEquals(model.trainingErrors().mean(), loaded.trainingErrors().mean());
        assertEquals(model.trainingRowCount(), loaded.trainingRowCount());
    }

    @Test
    void savingDoesNotCloseTheStreamAndLoadingDoesNotEither() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("save closed the caller's stream");
            }
        };
        model.save(out);
        final ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray()) {
            @Override
            public void close() {
                throw new AssertionError("load closed the caller's stream");
            }
        };
        TrainedAutoencoder.load(in);
    }

    @Test
    void loadingAnEmptyFileFailsClearly() {
        final var e = assertThrows(ModelFormatException.class, () -> load(new byte[0]));
        assertTrue(e.getMessage().startsWith("The model file is empty."), e.getMessage());
    }

    @Test
    void loadingATruncatedFileFailsClearly() {
        for (final int length : new int[] {10, saved.length / 2, saved.length - 30}) {
            final var e = assertThrows(ModelFormatException.class, () -> load(Arrays.copyOf(saved, length)));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("incomplete"),
                length + ": " + e.getMessage());
        }
    }

    @Test
    void loadingACorruptFileFailsClearly() {
        final byte[] corrupt = saved.clone();
        for (int i = saved.length / 3; i < saved.length / 3 + 64; i++) {
            corrupt[i] ^= (byte)0x5A;
        }
        final var e = assertThrows(ModelFormatException.class, () -> load(corrupt));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void loadingSomethingElseFailsClearly() {
        final var e = assertThrows(ModelFormatException.class,
            () -> load("name,value\na,1\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not an autoencoder model file"), e.getMessage());
    }

    @Test
    void loadingANewerFormatVersionAsksForAnUpdate() throws IOException {
        final byte[] newer = replaceEntry(saved, ModelFile.FORMAT_ENTRY, "{\"magic\":\"" + ModelFile.MAGIC
            + "\",\"formatVersion\":2,\"engineVersion\":\"9.0.0\",\"dl4jVersion\":\"2.0\"}");
        final var e = assertThrows(ModelFormatException.class, () -> load(newer));
        assertTrue(e.getMessage().contains("newer version of the Autoencoder extension (model format 2, engine 9.0.0)"),
            e.getMessage());
        assertTrue(e.getMessage().contains("Update the extension"), e.getMessage());
    }

    @Test
    void loadingAFileWithBrokenMetadataFailsClearly() throws IOException {
        final byte[] broken = replaceEntry(saved, ModelFile.METADATA_ENTRY, "{\"columns\": [\"a\"]}");
        final var e = assertThrows(ModelFormatException.class, () -> load(broken));
        assertTrue(e.getMessage().contains("metadata cannot be read"), e.getMessage());
    }

    private static byte[] replaceEntry(final byte[] file, final String name, final String content)
        throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals(name) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
