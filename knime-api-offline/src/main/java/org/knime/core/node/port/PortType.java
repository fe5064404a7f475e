package org.knime.core.node.port;

import java.util.Objects;

/**
 * Offline stand-in for KNIME's PortType (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortType.java); behaviour simplified for tests.
 */
public final class PortType {

    /** The default port color. */
    public static final int DEFAULT_COLOR = 0xff9b9b9b;

    private final Class<? extends PortObject> m_objectClass;

    private final Class<? extends PortObjectSpec> m_specClass;

    private final boolean m_isOptional;

    private final String m_name;

    /**
     * @param objectClass port object class
     * @param isOptional whether the port need not be connected
     * @deprecated as in KNIME, use {@link PortTypeRegistry#getPortType(Class, boolean)}
     */
    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean isOptional) {
        this(objectClass, isOptional, PortTypeRegistry.getInstance().specClassOf(objectClass),
            objectClass.getSimpleName());
    }

    PortType(final Class<? extends PortObject> objectClass, final boolean isOptional,
        final Class<? extends PortObjectSpec> specClass, final String name) {
        m_objectClass = Objects.requireNonNull(objectClass);
        m_isOptional = isOptional;
        m_specClass = specClass;
        m_name = name;
    }

    /** @return the human-readable name */
    public String getName() {
        return m_name;
    }

    /** @return the spec class */
    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return m_specClass;
    }

    /** @return the port object class */
    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    /** @return whether the port is optional */
    public boolean isOptional() {
        return m_isOptional;
    }

    /**
     * @param subType another type
     * @return whether objects of the other type fit into ports of this type
     */
    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    /**
     * @param spec a spec
     * @return whether the spec fits this port
     */
    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || m_specClass.isInstance(spec);
    }

    /**
     * @param portObjectClass a class
     * @return whether objects of that class fit this port
     */
    public boolean acceptsPortObjectClass(final Class<? extends PortObject> portObjectClass) {
        return m_objectClass.isAssignableFrom(portObjectClass);
    }

    /**
     * @param obj a port object
     * @return whether it fits this port
     */
    public boolean acceptsPortObject(final PortObject obj) {
        return obj == null || m_objectClass.isInstance(obj);
    }

    @Override
    public String toString() {
        return m_name + (m_isOptional ? " (optional)" : "");
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode() + (m_isOptional ? 1 : 0);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType && ((PortType)obj).m_objectClass == m_objectClass
            && ((PortType)obj).m_isOptional == m_isOptional;
    }
}
