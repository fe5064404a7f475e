package org.knime.core.node.port;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Offline stand-in for KNIME's AbstractSimplePortObjectSpec (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/AbstractSimplePortObjectSpec.java); behaviour simplified for tests.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    /** Subclasses need a public no-arg constructor (used when loading). */
    public AbstractSimplePortObjectSpec() {
    }

    /** @param model where to save the spec's content */
    protected abstract void save(final ModelContentWO model);

    /**
     * @param model where to read the spec's content from
     * @throws InvalidSettingsException if the content is invalid
     */
    protected abstract void load(final ModelContentRO model) throws InvalidSettingsException;

    /**
     * Serializer for subclasses; extend it with an empty body.
     *
     * @param <T> the spec class
     */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {

        @SuppressWarnings("unchecked")
        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry content.xml, got " + (entry == null ? "nothing" : entry.getName()));
            }
            ModelContentRO model = ModelContent.loadFromXML(in);
            String className;
            try {
                className = model.getString("class_name");
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load settings", e);
            }
            Class<? extends PortObjectSpec> cl = PortTypeRegistry.getInstance().getSpecClass(className)
                .orElseThrow(() -> new RuntimeException("Unable to load class " + className));
            AbstractSimplePortObjectSpec spec;
            try {
                spec = cl.asSubclass(AbstractSimplePortObjectSpec.class).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new RuntimeException("Failed to instantiate class \"" + className
                    + "\" (failed to invoke no-arg constructor): " + e.getMessage(), e);
            }
            try {
                spec.load(model.getModelContent("model"));
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load model content into \"" + className + "\": " + e.getMessage(), e);
            }
            return (T)spec;
        }

        @Override
        public void savePortObjectSpec(final T portObject, final PortObjectSpecZipOutputStream out)
            throws IOException {
            ModelContent model = new ModelContent("model.xml");
            model.addInt("version", 1);
            model.addString("class_name", portObject.getClass().getName());
            portObject.save(model.addModelContent("model"));
            out.putNextEntry(new ZipEntry("content.xml"));
            model.saveToXML(out);
            out.closeEntry();
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private byte[] contentBytes() {
        ModelContent c = new ModelContent("ignored");
        save(c);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            c.saveToXML(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public boolean equals(final Object ospec) {
        if (ospec == this) {
            return true;
        }
        if (ospec == null || !getClass().equals(ospec.getClass())) {
            return false;
        }
        return Arrays.equals(contentBytes(), ((AbstractSimplePortObjectSpec)ospec).contentBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contentBytes());
    }
}
