package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's DataTableSpec (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataTableSpec.java); behaviour simplified for tests.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private final String m_name;

    private final List<DataColumnSpec> m_columns;

    private final Map<String, Integer> m_index = new HashMap<>();

    /** Creates an empty spec. */
    public DataTableSpec() {
        this("default");
    }

    /** @param colSpecs the columns */
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this("default", colSpecs);
    }

    /**
     * @param spec1 first columns
     * @param spec2 further columns
     */
    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(spec1.getName(), concat(spec1, spec2));
    }

    /** @param name the table name */
    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    /**
     * @param name the table name
     * @param colSpecs the columns
     */
    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name;
        m_columns = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(colSpecs)));
        for (int i = 0; i < colSpecs.length; i++) {
            if (colSpecs[i] == null) {
                throw new NullPointerException("Column spec at index " + i + " is null.");
            }
            if (m_index.put(colSpecs[i].getName(), i) != null) {
                throw new IllegalArgumentException(
                    "Duplicate column name \"" + colSpecs[i].getName() + "\" at positions " + m_index.get(colSpecs[i].getName()) + " and " + i + ".");
            }
        }
    }

    /**
     * @param names column names
     * @param types column types
     */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this("default", createColumnSpecs(names, types));
    }

    /**
     * @param names column names
     * @param types column types
     * @return column specs
     */
    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("Names and types must have the same length.");
        }
        DataColumnSpec[] result = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return result;
    }

    private static DataColumnSpec[] concat(final DataTableSpec spec1, final DataTableSpec spec2) {
        List<DataColumnSpec> all = new ArrayList<>(spec1.m_columns);
        all.addAll(spec2.m_columns);
        return all.toArray(new DataColumnSpec[0]);
    }

    /**
     * @param columnName a name
     * @return whether a column of that name exists
     */
    public boolean containsName(final String columnName) {
        return m_index.containsKey(columnName);
    }

    /**
     * @param columnName a name
     * @return the column index, or -1
     */
    public int findColumnIndex(final String columnName) {
        Integer i = m_index.get(columnName);
        return i == null ? -1 : i;
    }

    /** @return all column names in order */
    public final String[] getColumnNames() {
        return m_columns.stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    /**
     * @param index column index
     * @return the column spec
     */
    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns.get(index);
    }

    /**
     * @param column column name
     * @return the column spec or null
     */
    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : m_columns.get(i);
    }

    /** @return the table name */
    public String getName() {
        return m_name;
    }

    /** @return the number of columns */
    public int getNumColumns() {
        return m_columns.size();
    }

    /**
     * @param spec another spec
     * @return whether both have the same column names and types in the same order
     */
    public boolean equalStructure(final DataTableSpec spec) {
        return spec != null && m_columns.equals(spec.m_columns);
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return m_columns.iterator();
    }

    /** @return the column specs as a stream */
    public Stream<DataColumnSpec> stream() {
        return m_columns.stream();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && equalStructure((DataTableSpec)obj);
    }

    @Override
    public int hashCode() {
        return m_columns.hashCode();
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + m_columns;
    }
}
