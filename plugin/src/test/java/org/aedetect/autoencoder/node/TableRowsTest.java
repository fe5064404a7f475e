package org.aedetect.autoencoder.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.aedetect.autoencoder.engine.RowCursor;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.offline.testing.TableReads;
import org.knime.offline.testing.Tables;

/** {@link TableRows}: the selected columns as the engine's rows, read through a column filter. */
class TableRowsTest {

    @Test
    void readsTheSelectedColumnsInTheirOrderAndOnlyThose() {
        BufferedDataTable table =
            Tables.doubles(new String[]{"a", "b", "c"}, new double[][]{{1, 2, 3}, {4, Double.NaN, 6}});
        TableRows rows = new TableRows(table, List.of("c", "b"));
        assertEquals(List.of("c", "b"), rows.columnNames());
        double[] values = new double[2];
        try (RowCursor cursor = rows.open()) {
            assertTrue(cursor.next(values));
            assertArrayEquals(new double[]{3, 2}, values);
            assertTrue(cursor.next(values));
            assertArrayEquals(new double[]{6, Double.NaN}, values);
            assertFalse(cursor.next(values));
        }
        assertEquals(List.of(Optional.of(Set.of(1, 2))), TableReads.of(table));
    }

    @Test
    void aColumnNamedTwiceIsMaterializedOnce() {
        // KNIME's TableFilter refuses a repeated index
        BufferedDataTable table = Tables.doubles(new String[]{"a", "b"}, new double[][]{{1, 2}});
        double[] values = new double[3];
        try (RowCursor cursor = new TableRows(table, List.of("b", "a", "b")).open()) {
            assertTrue(cursor.next(values));
        }
        assertArrayEquals(new double[]{2, 1, 2}, values);
        assertEquals(Set.of(0, 1), TableRows.only(new int[]{1, 0, 1}).getMaterializeColumnIndices().orElseThrow());
    }
}
