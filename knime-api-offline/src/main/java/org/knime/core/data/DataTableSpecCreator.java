package org.knime.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Offline stand-in for KNIME's DataTableSpecCreator (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataTableSpecCreator.java); behaviour simplified for tests.
 */
public final class DataTableSpecCreator {

    private final List<DataColumnSpec> m_columns = new ArrayList<>();

    private String m_name = "default";

    /** Creates a creator for an empty spec. */
    public DataTableSpecCreator() {
    }

    /** @param spec the spec to start from */
    public DataTableSpecCreator(final DataTableSpec spec) {
        m_name = spec.getName();
        spec.forEach(m_columns::add);
    }

    /**
     * @param index column index
     * @param colSpec the replacement
     * @return this
     */
    public DataTableSpecCreator replaceColumn(final int index, final DataColumnSpec colSpec) {
        m_columns.set(index, colSpec);
        return this;
    }

    /**
     * @param columns columns to append
     * @return this
     */
    public DataTableSpecCreator addColumns(final DataColumnSpec... columns) {
        for (DataColumnSpec c : columns) {
            if (m_columns.stream().anyMatch(e -> e.getName().equals(c.getName()))) {
                throw new IllegalArgumentException("Column \"" + c.getName() + "\" already exists.");
            }
            m_columns.add(c);
        }
        return this;
    }

    /**
     * @param fromSpec columns to append
     * @return this
     */
    public DataTableSpecCreator addColumns(final DataTableSpec fromSpec) {
        fromSpec.forEach(this::addColumns);
        return this;
    }

    /**
     * @param name the table name
     * @return this
     */
    public DataTableSpecCreator setName(final String name) {
        m_name = name;
        return this;
    }

    /** @return the spec */
    public DataTableSpec createSpec() {
        return new DataTableSpec(m_name, m_columns.toArray(new DataColumnSpec[0]));
    }
}
