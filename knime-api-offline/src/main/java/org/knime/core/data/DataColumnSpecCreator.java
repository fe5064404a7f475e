package org.knime.core.data;

/**
 * Offline stand-in for KNIME's DataColumnSpecCreator (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataColumnSpecCreator.java); behaviour simplified for tests.
 */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    /**
     * @param name column name
     * @param type column type
     */
    public DataColumnSpecCreator(final String name, final DataType type) {
        if (name == null || type == null) {
            throw new NullPointerException("Column name and type must not be null.");
        }
        m_name = name;
        m_type = type;
    }

    /** @param cspec the spec to start from */
    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
    }

    /** @param name the new name */
    public void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Column name must not be null.");
        }
        m_name = name;
    }

    /** @param type the new type */
    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Column type must not be null.");
        }
        m_type = type;
    }

    /** @return the current type */
    public DataType getType() {
        return m_type;
    }

    /** @return a new column spec */
    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type);
    }
}
