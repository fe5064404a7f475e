package org.knime.core.data;

import java.io.Serializable;

/**
 * Offline stand-in for KNIME's DataCell (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataCell.java); behaviour simplified for tests.
 */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    /** @return the type of this cell */
    public final DataType getType() {
        return DataType.getType(getClass());
    }

    /** @return whether this cell is a missing cell */
    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell)) {
            return false;
        }
        DataCell other = (DataCell)o;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        return getClass() == other.getClass() && equalsDataCell(other);
    }

    /**
     * @param dc a cell of the same class as this one
     * @return whether the contents are equal
     */
    protected abstract boolean equalsDataCell(final DataCell dc);

    @Override
    public abstract int hashCode();
}
