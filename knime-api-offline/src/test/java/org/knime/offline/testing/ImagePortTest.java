package org.knime.offline.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

class ImagePortTest {

    private static byte[] png(final int width, final int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void imagePortObjectSurvivesSaveAndLoad() throws Exception {
        byte[] png = png(30, 20);
        ImagePortObject image =
            new ImagePortObject(new PNGImageContent(png), new ImagePortObjectSpec(PNGImageContent.TYPE));
        ImagePortObject loaded = PortObjectRoundTrip.roundTrip(image);
        assertEquals(image.getSpec(), loaded.getSpec());
        assertEquals(PNGImageContent.TYPE, loaded.getSpec().getDataType());
        assertEquals("PNG Image 30 x 20 with " + png.length + " B", loaded.getSummary());
        assertEquals("Image", ImagePortObject.TYPE.getName());
    }

    @Test
    void pngContentRejectsBytesThatAreNoImage() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new PNGImageContent(new byte[]{1, 2, 3}));
        byte[] png = png(3, 2);
        assertArrayEquals(png, new PNGImageContent(png).getByteArray());
    }
}
