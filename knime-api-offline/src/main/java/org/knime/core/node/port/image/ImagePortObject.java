package org.knime.core.node.port.image;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JScrollPane;

import org.knime.core.data.image.ImageContent;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Offline stand-in for KNIME's ImagePortObject (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/image/ImagePortObject.java); behaviour simplified for tests.
 * Loads only {@link PNGImageContent} (KNIME also loads contents contributed through its ImageContentFactory extension
 * point); no {@code toDataCell()}.
 */
public class ImagePortObject extends AbstractPortObject {

    /** Serializer, registered for {@code org.knime.core} by the stand-in {@code PortTypeRegistry}. */
    public static final class Serializer extends AbstractPortObjectSerializer<ImagePortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class, true);

    private ImageContent m_content;

    private ImagePortObjectSpec m_spec;

    /** Framework constructor - do not use. */
    public ImagePortObject() {
    }

    /**
     * @param content the image
     * @param spec the spec
     * @throws NullPointerException if either is null
     */
    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        if (spec == null || content == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_content = content;
        m_spec = spec;
    }

    @Override
    public String getSummary() {
        return m_content.getSummary();
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        JComponent c = new JComponent() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void paintComponent(final Graphics g) {
                super.paintComponent(g);
                m_content.paint((Graphics2D)g, getWidth(), getHeight());
            }

            @Override
            public Dimension getPreferredSize() {
                return m_content.getPreferredSize();
            }
        };
        JScrollPane jsp = new JScrollPane(c);
        jsp.setName("Image");
        return new JComponent[]{jsp};
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null || !PNGImageContent.class.getName().equals(entry.getName())) {
            throw new IOException("Unsupported image content " + (entry == null ? "(none)" : entry.getName()));
        }
        m_content = new PNGImageContent(in);
        m_spec = (ImagePortObjectSpec)spec;
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(m_content.getClass().getName()));
        m_content.save(out);
        out.closeEntry();
    }
}
