package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Offline stand-in for KNIME's PortTypeRegistry (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortTypeRegistry.java); behaviour simplified for tests.
 * Instead of Eclipse's extension registry it reads the {@code org.knime.core.PortType} extensions of every
 * {@code plugin.xml} on the class path, so that tests exercise the same registration KNIME reads.
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    /** What one {@code <portType>} element of a plugin.xml declares. */
    static final class Registration {
        final String m_name;

        final String m_objectClass;

        final String m_objectSerializer;

        final String m_specClass;

        final String m_specSerializer;

        Registration(final Element e) {
            this(e.getAttribute("name"), e.getAttribute("objectClass"), e.getAttribute("objectSerializer"),
                e.getAttribute("specClass"), e.getAttribute("specSerializer"));
        }

        Registration(final String name, final String objectClass, final String objectSerializer,
            final String specClass, final String specSerializer) {
            m_name = name;
            m_objectClass = objectClass;
            m_objectSerializer = objectSerializer;
            m_specClass = specClass;
            m_specSerializer = specSerializer;
        }
    }

    private final Map<String, Registration> m_byObjectClass = new HashMap<>();

    private final Map<String, Registration> m_bySpecClass = new HashMap<>();

    private final Map<Class<?>, PortType> m_types = new ConcurrentHashMap<>();

    private final Map<Class<?>, PortType> m_optionalTypes = new ConcurrentHashMap<>();

    private PortTypeRegistry() {
        // org.knime.core's own plugin.xml registers the image port; the stand-in jar has no plugin.xml
        register(new Registration("Image", "org.knime.core.node.port.image.ImagePortObject",
            "org.knime.core.node.port.image.ImagePortObject$Serializer",
            "org.knime.core.node.port.image.ImagePortObjectSpec",
            "org.knime.core.node.port.image.ImagePortObjectSpec$Serializer"));
        try {
            Enumeration<URL> urls = PortTypeRegistry.class.getClassLoader().getResources("plugin.xml");
            while (urls.hasMoreElements()) {
                read(urls.nextElement());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read plugin.xml files from the class path", e);
        }
    }

    private void read(final URL pluginXml) throws IOException {
        try (InputStream in = pluginXml.openStream()) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList extensions = doc.getElementsByTagName("extension");
            for (int i = 0; i < extensions.getLength(); i++) {
                Element ext = (Element)extensions.item(i);
                if (!"org.knime.core.PortType".equals(ext.getAttribute("point"))) {
                    continue;
                }
                NodeList types = ext.getElementsByTagName("portType");
                for (int t = 0; t < types.getLength(); t++) {
                    register(new Registration((Element)types.item(t)));
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot parse " + pluginXml + ": " + e.getMessage(), e);
        }
    }

    private void register(final Registration r) {
        m_byObjectClass.put(r.m_objectClass, r);
        m_bySpecClass.put(r.m_specClass, r);
    }

    /** @return the singleton */
    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    /** @return the port types created so far */
    public synchronized Collection<PortType> availablePortTypes() {
        return m_types.values();
    }

    /**
     * @param portClass a port object class
     * @return its (non-optional) port type
     */
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    /**
     * @param portClass a port object class
     * @param isOptional whether the port is optional
     * @return its port type
     */
    public synchronized PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        Map<Class<?>, PortType> map = isOptional ? m_optionalTypes : m_types;
        return map.computeIfAbsent(portClass, c -> new PortType(portClass, isOptional, specClassOf(portClass),
            nameOf(portClass)));
    }

    /**
     * @param className a class name
     * @return the port object class of that name, if registered (or built in)
     */
    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        if (!m_byObjectClass.containsKey(className) && !BufferedDataTable.class.getName().equals(className)) {
            return Optional.empty();
        }
        return Optional.of(load(className).asSubclass(PortObject.class));
    }

    /**
     * @param className a class name
     * @return the spec class of that name, if registered (or built in)
     */
    public Optional<Class<? extends PortObjectSpec>> getSpecClass(final String className) {
        if (!m_bySpecClass.containsKey(className) && !DataTableSpec.class.getName().equals(className)) {
            return Optional.empty();
        }
        return Optional.of(load(className).asSubclass(PortObjectSpec.class));
    }

    Class<? extends PortObjectSpec> specClassOf(final Class<? extends PortObject> objectClass) {
        if (objectClass == BufferedDataTable.class) {
            return DataTableSpec.class;
        }
        Registration r = m_byObjectClass.get(objectClass.getName());
        return r == null ? PortObjectSpec.class : load(r.m_specClass).asSubclass(PortObjectSpec.class);
    }

    private String nameOf(final Class<? extends PortObject> objectClass) {
        if (objectClass == BufferedDataTable.class) {
            return "Table";
        }
        Registration r = m_byObjectClass.get(objectClass.getName());
        return r == null ? objectClass.getSimpleName() : r.m_name;
    }

    /**
     * @param objectClass a port object class
     * @return an instance of the serializer registered for it in a plugin.xml
     * @throws IllegalStateException if none is registered
     */
    Object createObjectSerializer(final Class<?> objectClass) {
        Registration r = m_byObjectClass.get(objectClass.getName());
        if (r == null || r.m_objectSerializer.isEmpty()) {
            throw new IllegalStateException("No serializer registered for port object class " + objectClass.getName()
                + " (extension point org.knime.core.PortType in plugin.xml)");
        }
        return instantiate(r.m_objectSerializer);
    }

    /**
     * @param specClass a spec class
     * @return an instance of the serializer registered for it in a plugin.xml
     * @throws IllegalStateException if none is registered
     */
    Object createSpecSerializer(final Class<?> specClass) {
        Registration r = m_bySpecClass.get(specClass.getName());
        if (r == null || r.m_specSerializer.isEmpty()) {
            throw new IllegalStateException("No serializer registered for port object spec class "
                + specClass.getName() + " (extension point org.knime.core.PortType in plugin.xml)");
        }
        return instantiate(r.m_specSerializer);
    }

    private static Object instantiate(final String className) {
        try {
            return load(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate serializer " + className + ": " + e, e);
        }
    }

    private static Class<?> load(final String className) {
        try {
            return Class.forName(className, true, PortTypeRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Class " + className + " declared in a plugin.xml does not exist", e);
        }
    }
}
