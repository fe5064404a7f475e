package org.aedetect.autoencoder.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.offline.testing.Tables;

/**
 * Test tables: six sensor columns driven by two hidden factors (so an autoencoder with a 2-unit bottleneck
 * reconstructs them well), a string id column and an int column; anomalies break the factor structure.
 */
public final class Planted {

    /** The numeric model columns. */
    public static final String[] SENSORS = {"s1", "s2", "s3", "s4", "s5", "s6"};

    private static final double[][] LOADINGS = {{1, 0.5}, {0.8, -0.6}, {-0.7, 0.9}, {0.3, 1.1}, {1.2, 0.2},
        {-0.4, -0.8}};

    private Planted() {
    }

    /** @return spec: id (string), s1..s6 (double), count (int) */
    public static DataTableSpec spec() {
        List<org.knime.core.data.DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("id", StringCell.TYPE).createSpec());
        for (String s : SENSORS) {
            cols.add(new DataColumnSpecCreator(s, DoubleCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator("count", IntCell.TYPE).createSpec());
        return new DataTableSpec(cols.toArray(new org.knime.core.data.DataColumnSpec[0]));
    }

    /**
     * @param normal number of normal rows (keys "n0".."n{normal-1}")
     * @param anomalies number of planted anomalies (keys "a0"..)
     * @param seed random seed
     * @return the table, anomalies interleaved after every 10th normal row
     */
    public static BufferedDataTable table(final int normal, final int anomalies, final long seed) {
        Random random = new Random(seed);
        List<DataRow> rows = new ArrayList<>();
        int planted = 0;
        for (int i = 0; i < normal; i++) {
            rows.add(row("n" + i, normalValues(random)));
            if (i % 10 == 9 && planted < anomalies) {
                rows.add(row("a" + planted, anomalyValues(random)));
                planted++;
            }
        }
        while (planted < anomalies) {
            rows.add(row("a" + planted, anomalyValues(random)));
            planted++;
        }
        return Tables.table(spec(), rows);
    }

    private static double[] normalValues(final Random random) {
        double f1 = random.nextGaussian();
        double f2 = random.nextGaussian();
        double[] v = new double[SENSORS.length];
        for (int c = 0; c < v.length; c++) {
            v[c] = LOADINGS[c][0] * f1 + LOADINGS[c][1] * f2 + 0.03 * random.nextGaussian();
        }
        return v;
    }

    private static double[] anomalyValues(final Random random) {
        double[] v = normalValues(random);
        int c = random.nextInt(v.length);
        v[c] += (random.nextBoolean() ? 1 : -1) * 3;
        v[(c + 3) % v.length] -= 3;
        return v;
    }

    private static DataRow row(final String key, final double[] values) {
        DataCell[] cells = new DataCell[values.length + 2];
        cells[0] = new StringCell(key);
        for (int c = 0; c < values.length; c++) {
            cells[c + 1] = Double.isNaN(values[c]) ? DataType.getMissingCell() : new DoubleCell(values[c]);
        }
        cells[cells.length - 1] = new IntCell(key.length());
        return new DefaultRow(key, cells);
    }
}
