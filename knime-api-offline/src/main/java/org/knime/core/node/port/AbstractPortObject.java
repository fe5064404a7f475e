package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/**
 * Offline stand-in for KNIME's AbstractPortObject (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/AbstractPortObject.java); behaviour simplified for tests.
 */
public abstract class AbstractPortObject implements PortObject {

    /** Subclasses need a public no-arg constructor (used when loading). */
    public AbstractPortObject() {
    }

    /**
     * @param out where to write the content (add your own zip entries)
     * @param exec for progress and cancellation
     * @throws IOException on write failure
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * @param in where to read the content from (positioned after the framework's meta entry)
     * @param spec the spec, loaded before
     * @param exec for progress and cancellation
     * @throws IOException on read failure
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void load(final PortObjectZipInputStream in, final PortObjectSpec spec,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException;

    /**
     * Serializer for subclasses; extend it with an empty body.
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @SuppressWarnings("unchecked")
        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !entry.getName().equals("meta.xml")) {
                throw new IOException("Expected meta.xml file in stream, got " + (entry == null ? "nothing" : entry.getName()));
            }
            ModelContentRO meta = ModelContent.loadFromXML(in);
            String className;
            try {
                className = meta.getString("class_name");
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load settings", e);
            }
            Class<? extends PortObject> cl = PortTypeRegistry.getInstance().getObjectClass(className)
                .orElseThrow(() -> new RuntimeException("Unable to load class " + className));
            if (!AbstractPortObject.class.isAssignableFrom(cl)) {
                throw new RuntimeException("Class \"" + className + "\" is not of type AbstractPortObject");
            }
            AbstractPortObject result;
            try {
                result = cl.asSubclass(AbstractPortObject.class).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new RuntimeException("Failed to instantiate class \"" + cl.getSimpleName()
                    + "\" (failed to invoke no-arg constructor): " + e.getMessage(), e);
            }
            result.load(in, spec, exec);
            return (T)result;
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("meta.xml"));
            ModelContent meta = new ModelContent("meta.xml");
            meta.addInt("version", 1);
            meta.addString("class_name", portObject.getClass().getName());
            meta.saveToXML(out);
            out.closeEntry();
            portObject.save(out, exec);
        }
    }
}
