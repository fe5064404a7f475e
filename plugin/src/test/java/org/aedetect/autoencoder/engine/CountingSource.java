package org.aedetect.autoencoder.engine;

import java.util.List;

/** A row source that counts its passes (opened and closed cursors), to see how often training reads it. */
final class CountingSource implements RowSource {

    private final RowSource rows;

    private final boolean inMemory;

    int opened;

    int closed;

    /** Counts the passes over {@code rows}, not {@link RowSource#inMemory} (as a KNIME table is not). */
    CountingSource(final RowSource rows) {
        this(rows, false);
    }

    CountingSource(final RowSource rows, final boolean inMemory) {
        this.rows = rows;
        this.inMemory = inMemory;
    }

    @Override
    public boolean inMemory() {
        return inMemory;
    }

    @Override
    public List<String> columnNames() {
        return rows.columnNames();
    }

    @Override
    public RowCursor open() {
        opened++;
        final RowCursor cursor = rows.open();
        return new RowCursor() {
            @Override
            public boolean next(final double[] into) {
                return cursor.next(into);
            }

            @Override
            public void close() {
                closed++;
                cursor.close();
            }
        };
    }
}
