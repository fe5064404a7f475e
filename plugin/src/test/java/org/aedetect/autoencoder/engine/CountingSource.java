package org.aedetect.autoencoder.engine;

import java.util.List;

/** A row source that counts its passes (opened and closed cursors), to see how often training reads it. */
final class CountingSource implements RowSource {

    private final RowSource rows;

    int opened;

    int closed;

    CountingSource(final RowSource rows) {
        this.rows = rows;
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
