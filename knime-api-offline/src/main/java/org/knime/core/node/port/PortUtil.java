package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;

/**
 * Offline stand-in for KNIME's PortUtil (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortUtil.java); behaviour simplified for tests.
 */
public final class PortUtil {

    private PortUtil() {
    }

    /**
     * @param <T> spec class
     * @param c spec class
     * @return the serializer registered for it
     */
    @SuppressWarnings("unchecked")
    public static <T extends PortObjectSpec> PortObjectSpecSerializer<T> getPortObjectSpecSerializer(
        final Class<T> c) {
        return (PortObjectSpecSerializer<T>)PortTypeRegistry.getInstance().createSpecSerializer(c);
    }

    /**
     * @param <T> port object class
     * @param cl port object class
     * @return the serializer registered for it
     */
    @SuppressWarnings("unchecked")
    public static <T extends PortObject> PortObjectSerializer<T> getPortObjectSerializer(final Class<T> cl) {
        return (PortObjectSerializer<T>)PortTypeRegistry.getInstance().createObjectSerializer(cl);
    }

    /**
     * @param in target stream
     * @return a spec zip stream on it
     * @throws IOException never offline
     */
    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
        throws IOException {
        return new PortObjectSpecZipOutputStream(in);
    }

    /**
     * @param in target stream
     * @return an object zip stream on it
     * @throws IOException never offline
     */
    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in) throws IOException {
        return new PortObjectZipOutputStream(in);
    }

    /**
     * @param in source stream
     * @return a spec zip stream on it
     * @throws IOException never offline
     */
    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        return new PortObjectSpecZipInputStream(in);
    }

    /**
     * @param in source stream
     * @return an object zip stream on it
     * @throws IOException never offline
     */
    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        return new PortObjectZipInputStream(in);
    }
}
