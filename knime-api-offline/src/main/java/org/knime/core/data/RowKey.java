package org.knime.core.data;

import java.util.Objects;

/**
 * Offline stand-in for KNIME's RowKey (knime-core org.knime.core/src/eclipse/org/knime/core/data/RowKey.java); behaviour simplified for tests.
 */
public final class RowKey {

    private final String m_id;

    /** @param id the row id, not null */
    public RowKey(final String id) {
        m_id = Objects.requireNonNull(id, "Row id must not be null");
    }

    /** @return the row id */
    public String getString() {
        return m_id;
    }

    /**
     * @param rowIndex a zero-based row index
     * @return the default KNIME row key for that index, "Row" + index
     */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    @Override
    public String toString() {
        return m_id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey)obj).m_id.equals(m_id);
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }
}
