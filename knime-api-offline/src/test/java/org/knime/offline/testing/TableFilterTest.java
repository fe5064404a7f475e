package org.knime.offline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.UnmaterializedCell;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.filter.TableFilter;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;

/** The stand-in of {@link BufferedDataTable#filter}: only the named columns are materialized; reads are recorded. */
class TableFilterTest {

    @Test
    void materializesOnlyTheNamedColumns() {
        BufferedDataTable table = Tables.doubles(new String[]{"a", "b", "c"}, new double[][]{{1, 2, 3}, {4, 5, 6}});
        List<DataRow> all = Tables.rows(table);
        int rows = 0;
        try (CloseableRowIterator it = table.filter(TableFilter.materializeCols(2, 0)).iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                DataRow original = all.get(rows++);
                assertEquals(original.getKey(), row.getKey());
                assertEquals(3, row.getNumCells());
                assertSame(original.getCell(0), row.getCell(0));
                assertSame(UnmaterializedCell.getInstance(), row.getCell(1));
                assertSame(original.getCell(2), row.getCell(2));
            }
        }
        assertEquals(2, rows);
        // keys only, as KNIME's join check reads them
        try (CloseableRowIterator it = table.filter(TableFilter.materializeCols()).iterator()) {
            DataRow keysOnly = it.next();
            assertEquals(all.get(0).getKey(), keysOnly.getKey());
            assertSame(UnmaterializedCell.getInstance(), keysOnly.getCell(0));
            // a node that reads such a cell as a number fails loudly
            DataCell unread = keysOnly.getCell(0);
            assertThrows(ClassCastException.class, () -> ((DoubleValue)unread).getDoubleValue());
        }
    }

    @Test
    void aJoinedTableSplitsTheFilterBetweenItsTables() throws Exception {
        BufferedDataTable left = Tables.doubles(new String[]{"a", "b"}, new double[][]{{1, 2}});
        BufferedDataTable right = Tables.doubles(new String[]{"c"}, new double[][]{{3}});
        ExecutionContext exec = new ExecutionContext(new DefaultNodeProgressMonitor());
        BufferedDataTable joined = exec.createJoinedTable(left, right, exec);
        DataCell b = Tables.rows(left).get(0).getCell(1);
        DataCell c = Tables.rows(right).get(0).getCell(0);
        int leftBefore = TableReads.of(left).size();
        int rightBefore = TableReads.of(right).size();
        try (CloseableRowIterator it = joined.filter(TableFilter.materializeCols(1, 2)).iterator()) {
            DataRow row = it.next();
            assertSame(UnmaterializedCell.getInstance(), row.getCell(0));
            assertSame(b, row.getCell(1));
            assertSame(c, row.getCell(2));
        }
        assertEquals(List.of(Optional.of(Set.of(1))),
            TableReads.of(left).subList(leftBefore, TableReads.of(left).size()));
        assertEquals(List.of(Optional.of(Set.of(0))),
            TableReads.of(right).subList(rightBefore, TableReads.of(right).size()));
    }

    @Test
    void rejectsDuplicateAndUnknownColumns() {
        assertThrows(IllegalArgumentException.class, () -> TableFilter.materializeCols(1, 1));
        BufferedDataTable table = Tables.doubles(new String[]{"a"}, new double[][]{{1}});
        assertThrows(IndexOutOfBoundsException.class, () -> table.filter(TableFilter.materializeCols(1)));
    }

    @Test
    void recordsWhichColumnsEachIterationRead() throws Exception {
        BufferedDataTable table = Tables.doubles(new String[]{"a", "b"}, new double[][]{{1, 2}});
        BufferedDataTable other = Tables.doubles(new String[]{"c"}, new double[][]{{3}});
        assertEquals(List.of(), TableReads.of(table));
        table.filter(TableFilter.materializeCols(1)).iterator().close();
        table.iterator().close();
        new ExecutionContext(new DefaultNodeProgressMonitor()).createJoinedTable(table, other,
            new ExecutionContext(new DefaultNodeProgressMonitor()));
        assertEquals(List.of(Optional.of(Set.of(1)), Optional.empty(), Optional.of(Set.of())), TableReads.of(table));
    }
}
