package org.knime.core.data;

import java.util.Iterator;

/**
 * Offline stand-in for KNIME's RowIterator (knime-core org.knime.core/src/eclipse/org/knime/core/data/RowIterator.java); behaviour simplified for tests.
 */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Can't remove row from table.");
    }
}
