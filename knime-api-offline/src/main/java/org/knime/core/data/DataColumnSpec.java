package org.knime.core.data;

import java.util.Objects;

/**
 * Offline stand-in for KNIME's DataColumnSpec (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataColumnSpec.java); behaviour simplified for tests.
 */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    DataColumnSpec(final String name, final DataType type) {
        m_name = Objects.requireNonNull(name);
        m_type = Objects.requireNonNull(type);
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    /**
     * @param cspec another spec
     * @return whether name and type are equal
     */
    public boolean equalStructure(final DataColumnSpec cspec) {
        return cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataColumnSpec && equalStructure((DataColumnSpec)o);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }
}
