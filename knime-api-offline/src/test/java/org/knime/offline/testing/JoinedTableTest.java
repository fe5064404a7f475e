package org.knime.offline.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.JoinedRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

/** The stand-in of {@link ExecutionContext#createJoinedTable}: checks as KNIME's, references instead of copies. */
class JoinedTableTest {

    private static final ExecutionContext EXEC = new ExecutionContext(new DefaultNodeProgressMonitor());

    @Test
    void joinsColumnsRowByRowWithoutCopyingCells() throws Exception {
        BufferedDataTable left = Tables.doubles(new String[]{"a", "b"}, new double[][]{{1, 2}, {3, Double.NaN}});
        BufferedDataTable right = Tables.doubles(new String[]{"c"}, new double[][]{{5}, {6}});
        BufferedDataTable joined = EXEC.createJoinedTable(left, right, new ExecutionMonitor());
        assertArrayEquals(new String[]{"a", "b", "c"}, joined.getDataTableSpec().getColumnNames());
        assertEquals(2, joined.size());
        assertEquals(Tables.rowKeys(left), Tables.rowKeys(joined));
        assertArrayEquals(new double[]{5, 6}, Tables.doubleColumn(joined, "c"));
        assertTrue(Tables.rows(joined).get(1).getCell(1).isMissing());
        DataRow first = Tables.rows(joined).get(0);
        assertSame(Tables.rows(left).get(0).getCell(0), first.getCell(0));
        assertSame(Tables.rows(right).get(0).getCell(0), first.getCell(2));
        List<DataCell> cells = new ArrayList<>();
        first.forEach(cells::add);
        assertEquals(List.of(new DoubleCell(1), new DoubleCell(2), new DoubleCell(5)), cells);
        // a table can be read again, and joins with the empty table of the same (no) rows too
        assertEquals(Tables.rows(joined).size(), Tables.rows(joined).size());
        BufferedDataTable empty = EXEC.createJoinedTable(Tables.doubles(new String[]{"a"}, new double[0][]),
            Tables.doubles(new String[]{"b"}, new double[0][]), EXEC);
        assertEquals(0, empty.size());
        assertEquals(2, empty.getDataTableSpec().getNumColumns());
    }

    @Test
    void rejectsDifferentRowCountsKeysOrOrderAndSharedColumnNames() {
        BufferedDataTable left = Tables.doubles(new String[]{"a"}, new double[][]{{1}, {2}});
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
            () -> EXEC.createJoinedTable(left, Tables.doubles(new String[]{"b"}, new double[][]{{1}}), EXEC));
        assertTrue(count.getMessage().contains("2 and 1"), count.getMessage());

        BufferedDataTable otherKeys = Tables.table(Tables.doubles(new String[]{"b"}, new double[0][]).getSpec(),
            new DefaultRow("Row0", 1.0), new DefaultRow("x", 2.0));
        IllegalArgumentException keys =
            assertThrows(IllegalArgumentException.class, () -> EXEC.createJoinedTable(left, otherKeys, EXEC));
        assertTrue(keys.getMessage().contains("\"Row1\"") && keys.getMessage().contains("\"x\""), keys.getMessage());

        BufferedDataTable swapped = Tables.table(otherKeys.getSpec(), new DefaultRow("Row1", 1.0),
            new DefaultRow("Row0", 2.0));
        assertThrows(IllegalArgumentException.class, () -> EXEC.createJoinedTable(left, swapped, EXEC));

        BufferedDataTable sameName = Tables.doubles(new String[]{"a"}, new double[][]{{3}, {4}});
        assertThrows(IllegalArgumentException.class, () -> EXEC.createJoinedTable(left, sameName, EXEC));

        assertThrows(NullPointerException.class, () -> EXEC.createJoinedTable(left, null, EXEC));
        assertThrows(IllegalArgumentException.class, () -> new JoinedRow(new DefaultRow("r", 1.0),
            new DefaultRow("s", 2.0)));
    }

    @Test
    void keyCheckHonoursCancellation() {
        BufferedDataTable left = Tables.doubles(new String[]{"a"}, new double[][]{{1}});
        BufferedDataTable right = Tables.doubles(new String[]{"b"}, new double[][]{{1}});
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class,
            () -> EXEC.createJoinedTable(left, right, new ExecutionMonitor(monitor)));
    }
}
