package org.knime.core.data.container.filter;

import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;

/**
 * Offline stand-in for KNIME's CloseableDataRowIterable (knime-core
 * org.knime.core/src/eclipse/org/knime/core/data/container/filter/CloseableDataRowIterable.java).
 */
public interface CloseableDataRowIterable extends Iterable<DataRow> {

    /** @return a closeable iterator over the rows */
    @Override
    CloseableRowIterator iterator();
}
