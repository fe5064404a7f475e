package org.aedetect.autoencoder.engine;

import java.util.List;

/** A {@link RowSource} over rows already in memory, for tests, benchmarks and batch programs. */
public final class ArrayRowSource implements RowSource {

    private final List<String> columnNames;

    private final double[][] rows;

    /**
     * @param columnNames one name per column
     * @param rows the rows; kept by reference, not copied
     */
    public ArrayRowSource(final List<String> columnNames, final double[][] rows) {
        this.columnNames = List.copyOf(columnNames);
        this.rows = rows;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columnNames.size()) {
                throw new IllegalArgumentException("Row " + r + " has " + rows[r].length + " values but there are "
                    + columnNames.size() + " columns.");
            }
        }
    }

    /** Rows with generated column names "c0", "c1", .... */
    public static ArrayRowSource of(final double[][] rows) {
        final int columns = rows.length == 0 ? 0 : rows[0].length;
        final String[] names = new String[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = "c" + c;
        }
        return new ArrayRowSource(List.of(names), rows);
    }

    @Override
    public List<String> columnNames() {
        return columnNames;
    }

    /** The rows are the caller's arrays: a pass is no dearer than a copy of them. */
    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public RowCursor open() {
        return new RowCursor() {
            private int next;

            @Override
            public boolean next(final double[] into) {
                if (next >= rows.length) {
                    return false;
                }
                System.arraycopy(rows[next++], 0, into, 0, into.length);
                return true;
            }

            @Override
            public void close() {
                // nothing to release for in-memory rows
            }
        };
    }
}
