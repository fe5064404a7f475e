package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/**
 * Offline stand-in for KNIME's BooleanCell (knime-core org.knime.core/src/eclipse/org/knime/core/data/def/BooleanCell.java); behaviour simplified for tests.
 */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue {

    private static final long serialVersionUID = 1L;

    /** The true cell. */
    public static final BooleanCell TRUE = new BooleanCell(true);

    /** The false cell. */
    public static final BooleanCell FALSE = new BooleanCell(false);

    /** The type of boolean cells. */
    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_value;

    private BooleanCell(final boolean value) {
        m_value = value;
    }

    /**
     * @param value a boolean
     * @return the shared cell for it
     */
    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean getBooleanValue() {
        return m_value;
    }

    @Override
    public int getIntValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public double getDoubleValue() {
        return m_value ? 1 : 0;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(m_value);
    }

    @Override
    public String toString() {
        return Boolean.toString(m_value);
    }

    /** Factory for boolean cells. */
    public static final class BooleanCellFactory {

        /** The type of the cells created. */
        public static final DataType TYPE = BooleanCell.TYPE;

        /**
         * @param b a boolean
         * @return the cell
         */
        public static DataCell create(final boolean b) {
            return BooleanCell.get(b);
        }

        /**
         * @param s "true" or "false" (case-insensitive)
         * @return the cell
         */
        public static DataCell create(final String s) {
            if ("true".equalsIgnoreCase(s)) {
                return TRUE;
            }
            if ("false".equalsIgnoreCase(s)) {
                return FALSE;
            }
            throw new IllegalArgumentException("'" + s + "' is not a boolean value.");
        }
    }
}
