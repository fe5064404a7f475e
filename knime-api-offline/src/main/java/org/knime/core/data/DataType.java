package org.knime.core.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline stand-in for KNIME's DataType (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataType.java); behaviour simplified for tests.
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    private static final DataCell MISSING = new MissingCell(null);

    private final Class<? extends DataCell> m_cellClass;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
    }

    /**
     * @param cell the cell class
     * @return the (shared) type of that cell class
     */
    public static DataType getType(final Class<? extends DataCell> cell) {
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    /** @return a missing cell */
    public static DataCell getMissingCell() {
        return MISSING;
    }

    /**
     * @param valueClass a value interface
     * @return whether cells of this type implement the value interface
     */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    /** @return the cell class of this type */
    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    /** @return a short name of this type */
    public String getName() {
        String simple = m_cellClass.getSimpleName();
        return simple.endsWith("Cell") ? simple.substring(0, simple.length() - 4) : simple;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType && ((DataType)other).m_cellClass == m_cellClass;
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    @Override
    public String toString() {
        return getName();
    }
}
