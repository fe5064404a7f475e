package org.knime.offline.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortUtil;

/**
 * Saves and loads port objects and specs through the serializers registered in plugin.xml, the way KNIME does when
 * a workflow is saved and loaded: spec and object go to separate zip streams, the spec is loaded first and handed
 * to the object's loader.
 */
public final class PortObjectRoundTrip {

    private PortObjectRoundTrip() {
    }

    /**
     * @param <S> spec class
     * @param spec a spec
     * @return its bytes, as the registered spec serializer writes them
     * @throws IOException on failure
     */
    @SuppressWarnings("unchecked")
    public static <S extends PortObjectSpec> byte[] saveSpec(final S spec) throws IOException {
        PortObjectSpecSerializer<S> ser = PortUtil.getPortObjectSpecSerializer((Class<S>)spec.getClass());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            ser.savePortObjectSpec(spec, out);
        }
        return bytes.toByteArray();
    }

    /**
     * @param <S> spec class
     * @param specClass the spec class
     * @param bytes bytes written by {@link #saveSpec(PortObjectSpec)}
     * @return the loaded spec
     * @throws IOException on failure
     */
    public static <S extends PortObjectSpec> S loadSpec(final Class<S> specClass, final byte[] bytes)
        throws IOException {
        PortObjectSpecSerializer<S> ser = PortUtil.getPortObjectSpecSerializer(specClass);
        try (PortObjectSpecZipInputStream in = PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(bytes))) {
            return ser.loadPortObjectSpec(in);
        }
    }

    /**
     * @param <T> port object class
     * @param object a port object
     * @return its bytes, as the registered serializer writes them
     * @throws IOException on failure
     * @throws CanceledExecutionException never (no cancel requested)
     */
    @SuppressWarnings("unchecked")
    public static <T extends PortObject> byte[] saveObject(final T object)
        throws IOException, CanceledExecutionException {
        PortObjectSerializer<T> ser = PortUtil.getPortObjectSerializer((Class<T>)object.getClass());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            ser.savePortObject(object, out, new ExecutionMonitor());
        }
        return bytes.toByteArray();
    }

    /**
     * @param <T> port object class
     * @param objectClass the port object class
     * @param bytes bytes written by {@link #saveObject(PortObject)}
     * @param spec the loaded spec
     * @return the loaded object
     * @throws IOException on failure
     * @throws CanceledExecutionException never (no cancel requested)
     */
    public static <T extends PortObject> T loadObject(final Class<T> objectClass, final byte[] bytes,
        final PortObjectSpec spec) throws IOException, CanceledExecutionException {
        PortObjectSerializer<T> ser = PortUtil.getPortObjectSerializer(objectClass);
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes))) {
            return ser.loadPortObject(in, spec, new ExecutionMonitor());
        }
    }

    /**
     * Saves and loads spec and object, like a workflow save and reload.
     *
     * @param <T> port object class
     * @param object a port object
     * @return the reloaded object
     * @throws IOException on failure
     * @throws CanceledExecutionException never (no cancel requested)
     */
    @SuppressWarnings("unchecked")
    public static <T extends PortObject> T roundTrip(final T object) throws IOException, CanceledExecutionException {
        PortObjectSpec spec = loadSpec(object.getSpec().getClass(), saveSpec(object.getSpec()));
        return loadObject((Class<T>)object.getClass(), saveObject(object), spec);
    }
}
