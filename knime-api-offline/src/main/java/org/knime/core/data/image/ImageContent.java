package org.knime.core.data.image;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;

import org.knime.core.data.DataCell;

/**
 * Offline stand-in for KNIME's ImageContent (knime-core org.knime.core/src/eclipse/org/knime/core/data/image/ImageContent.java).
 */
public interface ImageContent {

    /**
     * @param g where to paint
     * @param maxWidth most width to use
     * @param maxHeight most height to use
     */
    public void paint(final Graphics2D g, final int maxWidth, final int maxHeight);

    /** @return the image's own size */
    public Dimension getPreferredSize();

    /** @return a cell holding this image */
    public DataCell toImageCell();

    /**
     * @param out where to write the content
     * @throws IOException on write failure
     */
    public void save(final OutputStream out) throws IOException;

    /** @return a short description */
    public String getSummary();
}
