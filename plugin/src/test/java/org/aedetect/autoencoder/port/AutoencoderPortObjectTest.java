package org.aedetect.autoencoder.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.aedetect.autoencoder.node.Nodes;
import org.aedetect.autoencoder.node.Planted;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.offline.testing.PortObjectRoundTrip;
import org.knime.offline.testing.Tables;

class AutoencoderPortObjectTest {

    @Test
    void portTypeIsRegisteredInPluginXml() {
        assertEquals("Autoencoder Model", AutoencoderPortObject.TYPE.getName());
        assertEquals(AutoencoderPortObjectSpec.class, AutoencoderPortObject.TYPE.getPortObjectSpecClass());
        assertTrue(AutoencoderPortObject.TYPE_OPTIONAL.isOptional());
    }

    @Test
    void savedAndReloadedModelScoresIdentically() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        AutoencoderPortObject reloaded = PortObjectRoundTrip.roundTrip(model);
        assertEquals(model.getSpec(), reloaded.getSpec());
        assertEquals(model.getSummary(), reloaded.getSummary());
        BufferedDataTable data = Planted.table(200, 5, 21);
        double[] before =
            Tables.doubleColumn(Nodes.table(Nodes.scorer().execute(model, data), 0), "Reconstruction error");
        double[] after =
            Tables.doubleColumn(Nodes.table(Nodes.scorer().execute(reloaded, data), 0), "Reconstruction error");
        assertArrayEquals(before, after, 0.0);
    }

    @Test
    void specRoundTripsAndDescribesTheModel() throws Exception {
        AutoencoderPortObjectSpec spec = Nodes.trainedModel().getSpec();
        AutoencoderPortObjectSpec back =
            PortObjectRoundTrip.loadSpec(AutoencoderPortObjectSpec.class, PortObjectRoundTrip.saveSpec(spec));
        assertEquals(spec, back);
        assertEquals("6-8-2-8-6", back.architecture());
        assertEquals("Z_SCORE", back.getNormalization());
        assertTrue(back.describe().stream().anyMatch(l -> l.startsWith("Training errors (")), back.describe().toString());
        assertTrue(back.describe().stream().anyMatch(l -> l.startsWith("Trained on: CPU")), back.describe().toString());
    }

    @Test
    void corruptModelBytesGiveAClearError() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        byte[] saved = PortObjectRoundTrip.saveObject(model);
        byte[] corrupt = rewriteModelEntry(saved, bytes -> {
            for (int i = bytes.length / 3; i < bytes.length / 3 + 64 && i < bytes.length; i++) {
                bytes[i] ^= 0x5A;
            }
            return bytes;
        });
        IOException e = assertThrows(IOException.class,
            () -> PortObjectRoundTrip.loadObject(AutoencoderPortObject.class, corrupt, model.getSpec()));
        assertTrue(e.getMessage().startsWith("The saved autoencoder model cannot be read:"), e.getMessage());
        assertTrue(e.getMessage().contains("Re-execute the Autoencoder Learner"), e.getMessage());

        byte[] truncated = rewriteModelEntry(saved, bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException t = assertThrows(IOException.class,
            () -> PortObjectRoundTrip.loadObject(AutoencoderPortObject.class, truncated, model.getSpec()));
        assertTrue(t.getMessage().contains("cannot be read"), t.getMessage());

        IOException garbage = assertThrows(IOException.class,
            () -> PortObjectRoundTrip.loadObject(AutoencoderPortObject.class, new byte[]{1, 2, 3}, model.getSpec()));
        assertTrue(garbage.getMessage() != null);
    }

    /** Copies a saved port object zip, passing the model entry's bytes through {@code change}. */
    private static byte[] rewriteModelEntry(final byte[] zip, final java.util.function.UnaryOperator<byte[]> change)
        throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream zout = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (AutoencoderPortObject.MODEL_ENTRY.equals(e.getName())) {
                    bytes = change.apply(bytes);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
