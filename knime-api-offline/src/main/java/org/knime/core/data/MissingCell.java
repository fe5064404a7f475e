package org.knime.core.data;

/**
 * Offline stand-in for KNIME's MissingCell (knime-core org.knime.core/src/eclipse/org/knime/core/data/MissingCell.java); behaviour simplified for tests.
 */
public final class MissingCell extends DataCell implements MissingValue {

    private static final long serialVersionUID = 1L;

    private final String m_error;

    /** @param error the reason why the value is missing, may be null */
    public MissingCell(final String error) {
        m_error = error;
    }

    @Override
    public String getError() {
        return m_error;
    }

    @Override
    public boolean isMissing() {
        return true;
    }

    @Override
    public String toString() {
        return "?";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return true;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
