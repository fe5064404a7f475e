package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/**
 * Offline stand-in for KNIME's PNGImageContent (knime-core org.knime.core/src/eclipse/org/knime/core/data/image/png/PNGImageContent.java); behaviour simplified for tests.
 * The bytes must decode with {@link ImageIO}, as in KNIME; the decoded image is not cached.
 */
public class PNGImageContent implements ImageContent {

    /** Type for PNG cells. */
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private byte[] m_imageBytes;

    /** Framework constructor for restoring content. <b>Do not use!</b> */
    public PNGImageContent() {
    }

    /**
     * @param imageBytes PNG bytes
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if ImageIO cannot read them
     */
    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_imageBytes = imageBytes;
        decode(imageBytes);
    }

    /**
     * @param is PNG bytes up to the end of the stream, which is not closed
     * @throws IOException on read failure
     */
    public PNGImageContent(final InputStream is) throws IOException {
        this(is.readAllBytes());
    }

    private static BufferedImage decode(final byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("ImageIO returned null while reading image bytes");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("Image can't be read", e);
        }
    }

    /** @return the bytes themselves (do not modify) */
    public byte[] getByteArrayReference() {
        return m_imageBytes;
    }

    /** @return a copy of the bytes */
    public byte[] getByteArray() {
        return Arrays.copyOf(m_imageBytes, m_imageBytes.length);
    }

    /** @return the decoded image */
    public Image getImage() {
        return decode(m_imageBytes);
    }

    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        BufferedImage image = decode(m_imageBytes);
        double scale = Math.min(1, Math.min(width / (double)image.getWidth(), height / (double)image.getHeight()));
        g.drawImage(image, 0, 0, (int)(image.getWidth() * scale), (int)(image.getHeight() * scale), null);
    }

    @Override
    public void save(final OutputStream output) throws IOException {
        output.write(m_imageBytes);
    }

    @Override
    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }

    @Override
    public Dimension getPreferredSize() {
        BufferedImage image = decode(m_imageBytes);
        return new Dimension(image.getWidth(), image.getHeight());
    }

    @Override
    public String getSummary() {
        Dimension dim = getPreferredSize();
        String summary = "PNG Image " + dim.width + " x " + dim.height + " with ";
        return m_imageBytes.length < 1000 ? summary + m_imageBytes.length + " B"
            : summary + (m_imageBytes.length / 1024) + " KB";
    }
}
