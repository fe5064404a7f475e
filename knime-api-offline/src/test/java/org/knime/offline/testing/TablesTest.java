package org.knime.offline.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.append.AppendedColumnRow;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.DataContainerSettings;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

class TablesTest {

    private static final ExecutionContext EXEC = new ExecutionContext(new DefaultNodeProgressMonitor());

    @Test
    void doublesBuildsMissingCellsForNaN() {
        BufferedDataTable t = Tables.doubles(new String[]{"a", "b"}, new double[][]{{1, Double.NaN}, {3, 4}});
        assertEquals(2, t.size());
        assertTrue(Tables.rows(t).get(0).getCell(1).isMissing());
        assertArrayEquals(new double[]{1, 3}, Tables.doubleColumn(t, "a"));
        assertEquals(List.of("Row0", "Row1"), Tables.rowKeys(t));
    }

    @Test
    void containerRejectsDuplicateKeysWrongWidthAndWrongTypes() {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec());
        BufferedDataContainer c = EXEC.createDataContainer(spec);
        c.addRowToTable(new DefaultRow("r", new DoubleCell(1)));
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("r", new DoubleCell(2))));
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("s", new DataCell[0])));
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("t", new StringCell("x"))));
        assertThrows(IllegalStateException.class, c::getTable);
        c.close();
        assertEquals(1, c.getTable().size());
    }

    @Test
    void containerSettingsTurnTheDuplicateCheckOffAndDefaultToOn() {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec());
        BufferedDataContainer checked = EXEC.createDataContainer(spec, DataContainerSettings.builder().build());
        checked.addRowToTable(new DefaultRow("r", new DoubleCell(1)));
        assertThrows(IllegalArgumentException.class,
            () -> checked.addRowToTable(new DefaultRow("r", new DoubleCell(2))));
        BufferedDataContainer unchecked = EXEC.createDataContainer(spec,
            DataContainerSettings.builder().withInitializedDomain(true).withCheckDuplicateRowKeys(false).build());
        unchecked.addRowToTable(new DefaultRow("r", new DoubleCell(1)));
        unchecked.addRowToTable(new DefaultRow("r", new DoubleCell(2)));
        // the other checks stay
        assertThrows(IllegalArgumentException.class,
            () -> unchecked.addRowToTable(new DefaultRow("t", new StringCell("x"))));
        unchecked.close();
        assertEquals(2, unchecked.getTable().size());
    }

    @Test
    void appendedColumnRowReadsTheBaseRowThenTheAppendedCells() {
        DataRow base = new DefaultRow("k", new DoubleCell(1), new StringCell("a"));
        DataRow row = new AppendedColumnRow(base, new DoubleCell(2));
        assertEquals("k", row.getKey().getString());
        assertEquals(3, row.getNumCells());
        assertEquals(List.of(new DoubleCell(1), new StringCell("a"), new DoubleCell(2)),
            java.util.stream.StreamSupport.stream(row.spliterator(), false).toList());
        assertThrows(IndexOutOfBoundsException.class, () -> row.getCell(3));
        assertThrows(IndexOutOfBoundsException.class, () -> row.getCell(-1));
    }

    @Test
    void rearrangerAppendsReplacesAndRemoves() throws Exception {
        BufferedDataTable in = Tables.doubles(new String[]{"a", "b", "c"}, new double[][]{{1, 2, 3}, {4, 5, 6}});
        ColumnRearranger r = new ColumnRearranger(in.getDataTableSpec());
        r.append(new SingleCellFactory(new DataColumnSpecCreator("sum", DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                double s = 0;
                for (DataCell c : row) {
                    s += ((DoubleValue)c).getDoubleValue();
                }
                return new DoubleCell(s);
            }
        });
        r.replace(new SingleCellFactory(new DataColumnSpecCreator("b", StringCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                return new StringCell("b" + row.getKey());
            }
        }, "b");
        r.remove("c");
        BufferedDataTable out = EXEC.createColumnRearrangeTable(in, r, new ExecutionMonitor());
        assertArrayEquals(new String[]{"a", "b", "sum"}, out.getDataTableSpec().getColumnNames());
        assertEquals(r.createSpec(), out.getDataTableSpec());
        assertArrayEquals(new double[]{6, 15}, Tables.doubleColumn(out, "sum"));
        assertEquals("bRow1", Tables.rows(out).get(1).getCell(1).toString());
    }

    @Test
    void subProgressScalesIntoParentAndCancelPropagates() {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        ExecutionContext exec = new ExecutionContext(mon);
        ExecutionMonitor half = exec.createSubProgress(0.5);
        half.setProgress(1.0, "half done");
        assertEquals(0.5, mon.getProgress(), 1e-12);
        assertEquals("half done", mon.getMessage());
        exec.createSilentSubProgress(0.5).setProgress(0.5, "quiet");
        assertEquals(0.75, mon.getProgress(), 1e-12);
        assertEquals("half done", mon.getMessage());
        mon.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, half::checkCanceled);
    }
}
