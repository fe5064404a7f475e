package org.knime.offline.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.DataContainerSettings;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;

/** Builds and reads in-memory {@link BufferedDataTable}s for tests. */
public final class Tables {

    private Tables() {
    }

    /**
     * @param spec the spec
     * @param rows the rows
     * @return a table of these rows
     */
    public static BufferedDataTable table(final DataTableSpec spec, final List<? extends DataRow> rows) {
        return table(spec, DataContainerSettings.builder().build(), rows);
    }

    /**
     * @param spec the spec
     * @param settings the container's settings (e.g. without the duplicate-key check)
     * @param rows the rows
     * @return a table of these rows
     */
    public static BufferedDataTable table(final DataTableSpec spec, final DataContainerSettings settings,
        final List<? extends DataRow> rows) {
        BufferedDataContainer c =
            new ExecutionContext(new DefaultNodeProgressMonitor()).createDataContainer(spec, settings);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /**
     * @param spec the spec
     * @param rows the rows
     * @return a table of these rows
     */
    public static BufferedDataTable table(final DataTableSpec spec, final DataRow... rows) {
        return table(spec, Arrays.asList(rows));
    }

    /**
     * @param names column names
     * @param types column types
     * @return the spec
     */
    public static DataTableSpec spec(final String[] names, final DataType[] types) {
        return new DataTableSpec(names, types);
    }

    /**
     * A table of double columns; row keys Row0, Row1, ...; NaN becomes a missing cell.
     *
     * @param columns column names
     * @param values row-major values
     * @return the table
     */
    public static BufferedDataTable doubles(final String[] columns, final double[][] values) {
        DataType[] types = new DataType[columns.length];
        Arrays.fill(types, DoubleCell.TYPE);
        DataTableSpec spec = new DataTableSpec(columns, types);
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            DataCell[] cells = new DataCell[columns.length];
            for (int c = 0; c < columns.length; c++) {
                double v = values[r][c];
                cells[c] = Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)r), cells));
        }
        return table(spec, rows);
    }

    /**
     * @param table a table
     * @return its rows, in order
     */
    public static List<DataRow> rows(final BufferedDataTable table) {
        List<DataRow> rows = new ArrayList<>();
        table.forEach(rows::add);
        return rows;
    }

    /**
     * @param table a table
     * @return its row keys, in order
     */
    public static List<String> rowKeys(final BufferedDataTable table) {
        List<String> keys = new ArrayList<>();
        table.forEach(r -> keys.add(r.getKey().getString()));
        return keys;
    }

    /**
     * @param table a table
     * @param column a column holding numbers
     * @return its values, NaN for missing cells
     */
    public static double[] doubleColumn(final BufferedDataTable table, final String column) {
        int idx = table.getDataTableSpec().findColumnIndex(column);
        if (idx < 0) {
            throw new IllegalArgumentException("No column \"" + column + "\" in " + table.getDataTableSpec());
        }
        List<Double> values = new ArrayList<>();
        for (DataRow r : table) {
            DataCell c = r.getCell(idx);
            values.add(c.isMissing() ? Double.NaN : ((DoubleValue)c).getDoubleValue());
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
