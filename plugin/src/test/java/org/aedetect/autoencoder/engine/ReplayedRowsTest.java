package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Training reads an input that fits once: the scan's pass is replayed, identical, for the cache fill. */
class ReplayedRowsTest {

    private static CountingSource counting(final double[][] values) {
        final List<String> names = new ArrayList<>();
        for (int c = 0; c < values[0].length; c++) {
            names.add("c" + c);
        }
        return new CountingSource(new ArrayRowSource(names, values));
    }

    private static double[][] values(final int rows, final int columns) {
        final double[][] v = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                v[r][c] = (r * 31 + c * 7) % 13 == 0 ? Double.NaN : r * 0.5 - c * 1e-9;
            }
        }
        return v;
    }

    private static List<double[]> pass(final RowSource source) {
        final List<double[]> out = new ArrayList<>();
        try (RowCursor cursor = source.open()) {
            final double[] row = new double[source.columnNames().size()];
            while (cursor.next(row)) {
                out.add(row.clone());
            }
        }
        return out;
    }

    @Test
    void anInputThatFitsIsReadOnceAndReplayedExactly() {
        // 70,000 values: more than one block of the recording, rows straddling the block boundary
        final double[][] v = values(7_000, 10);
        final CountingSource source = counting(v);
        final ReplayedRows replayed = new ReplayedRows(source, 10L << 20);
        final List<double[]> first = pass(replayed);
        assertTrue(replayed.replays());
        final List<double[]> second = pass(replayed);
        pass(replayed);
        assertEquals(1, source.opened);
        assertEquals(v.length, second.size());
        for (int r = 0; r < v.length; r++) {
            assertArrayEquals(v[r], first.get(r));
            assertArrayEquals(v[r], second.get(r));
        }
    }

    @Test
    void anInputOverTheLimitIsReadFromTheSourceEveryTime() {
        final double[][] v = values(1_000, 10);
        final CountingSource source = counting(v);
        final ReplayedRows replayed = new ReplayedRows(source, 999L * 10 * Double.BYTES);
        pass(replayed);
        assertFalse(replayed.replays());
        final List<double[]> second = pass(replayed);
        assertEquals(2, source.opened);
        assertEquals(v.length, second.size());
        assertArrayEquals(v[999], second.get(999));
    }

    @Test
    void anUnfinishedPassIsNotReplayed() {
        final CountingSource source = counting(values(100, 3));
        final ReplayedRows replayed = new ReplayedRows(source, 1L << 20);
        try (RowCursor cursor = replayed.open()) {
            cursor.next(new double[3]); // e.g. canceled after one row
        }
        assertFalse(replayed.replays());
        assertEquals(100, pass(replayed).size());
        assertTrue(replayed.replays());
        assertEquals(2, source.opened);
    }
}
