package org.knime.core.data.def;

import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

/**
 * Offline stand-in for KNIME's StringCell (knime-core org.knime.core/src/eclipse/org/knime/core/data/def/StringCell.java); behaviour simplified for tests.
 */
public final class StringCell extends DataCell implements StringValue {

    private static final long serialVersionUID = 1L;

    /** The type of string cells. */
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_string;

    /** @param str the value, not null */
    public StringCell(final String str) {
        m_string = Objects.requireNonNull(str, "String must not be null.");
    }

    @Override
    public String getStringValue() {
        return m_string;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((StringCell)dc).m_string.equals(m_string);
    }

    @Override
    public int hashCode() {
        return m_string.hashCode();
    }

    @Override
    public String toString() {
        return m_string;
    }
}
