package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/**
 * Offline stand-in for KNIME's RowAppender (knime-core org.knime.core/src/eclipse/org/knime/core/data/container/RowAppender.java); behaviour simplified for tests.
 */
public interface RowAppender {

    /** @param row the row to add */
    public void addRowToTable(final DataRow row);
}
