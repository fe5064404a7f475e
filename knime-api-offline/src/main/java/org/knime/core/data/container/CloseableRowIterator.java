package org.knime.core.data.container;

import java.io.Closeable;
import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.RowIterator;

/**
 * Offline stand-in for KNIME's CloseableRowIterator (knime-core org.knime.core/src/eclipse/org/knime/core/data/container/CloseableRowIterator.java); behaviour simplified for tests.
 */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    /**
     * @param iterator rows
     * @return a closeable iterator over them
     */
    public static CloseableRowIterator from(final Iterator<? extends DataRow> iterator) {
        return new CloseableRowIterator() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public DataRow next() {
                return iterator.next();
            }

            @Override
            public void close() {
                // nothing to release in memory
            }
        };
    }

    @Override
    public abstract void close();
}
