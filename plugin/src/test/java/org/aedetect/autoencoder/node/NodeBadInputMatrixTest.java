package org.aedetect.autoencoder.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.ColumnFilterSettings;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.Tables;

/**
 * The bad-input matrix at the node layer (Learner, Scorer, Threshold Filter), for the cases the node tests
 * next to each node do not cover: every case gives a clear message or a documented, tested result.
 */
class NodeBadInputMatrixTest {

    private static final String[] XY = {"x", "y", "z"};

    /** Rows of double cells; a null value becomes a missing cell, a NaN value stays a NaN number. */
    private static BufferedDataTable cells(final String[] names, final Double[]... values) {
        DataType[] types = new DataType[names.length];
        Arrays.fill(types, DoubleCell.TYPE);
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            DataCell[] row = new DataCell[names.length];
            for (int c = 0; c < names.length; c++) {
                row[c] = values[r][c] == null ? DataType.getMissingCell() : new DoubleCell(values[r][c]);
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)r), row));
        }
        return Tables.table(new DataTableSpec(names, types), rows);
    }

    private static BufferedDataTable uniform(final int rows, final long seed) {
        java.util.Random random = new java.util.Random(seed);
        Double[][] values = new Double[rows][XY.length];
        for (Double[] row : values) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextDouble();
            }
        }
        return cells(XY, values);
    }

    private static NodeRunner<NodeModel> learner(final String missingValues) throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = runner.saveSettings();
        ColumnFilterSettings.include(s, "input_columns", XY);
        s.addString("hidden_layers", "2, 1");
        s.addInt("epochs", 2);
        s.addInt("batch_size", 8);
        s.addString("missing_values", missingValues);
        s.addString("backend", "CPU");
        runner.loadSettings(s);
        return runner;
    }

    private static String failure(final NodeRunner<NodeModel> runner, final PortObject... inputs) {
        Exception e = assertThrows(Exception.class, () -> runner.execute(inputs));
        assertTrue(!(e instanceof NullPointerException) && e.getMessage() != null, String.valueOf(e));
        return e.getMessage();
    }

    // ---- Learner -------------------------------------------------------------------------------------------

    @Test
    void learnerOnAnEmptyTableSaysItNeedsRows() throws Exception {
        String m = failure(learner("Fail"), cells(XY));
        assertTrue(m.startsWith("The input has no rows"), m);
    }

    @Test
    void learnerOnOneRowTrainsWithAWarning() throws Exception {
        NodeRunner<NodeModel> runner = learner("Fail");
        PortObject[] out = runner.execute(cells(XY, new Double[]{1.0, 2.0, 3.0}));
        assertTrue(((AutoencoderPortObject)out[0]).getSpec().isTrained());
        assertTrue(runner.warning() != null && runner.warning().contains("Only one row"), runner.warning());
    }

    @ParameterizedTest
    @CsvSource({"Fail, Column 'y' has a missing value in row 1.",
        "Skip row, All 4 rows have missing values and were skipped",
        "Impute column mean, Column 'y' has no values in the training rows"})
    void learnerOnAnAllMissingColumnNamesIt(final String policy, final String expected) throws Exception {
        Double[][] rows = new Double[4][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new Double[]{(double)r, null, 2.0 * r};
        }
        String m = failure(learner(policy), cells(XY, rows));
        assertTrue(m.startsWith(expected), m);
    }

    @Test
    void learnerImputesMissingValuesWithAWarning() throws Exception {
        NodeRunner<NodeModel> runner = learner("Impute column mean");
        Double[][] rows = new Double[12][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new Double[]{(double)r, r % 4 == 0 ? null : r * 0.5, 1.0 - r};
        }
        runner.execute(cells(XY, rows));
        assertTrue(runner.warning() != null && runner.warning().contains("replaced by the training mean"),
            runner.warning());
    }

    @Test
    void learnerTreatsANaNNumberAsMissing() throws Exception {
        Double[][] rows = {{1.0, 2.0, 3.0}, {2.0, Double.NaN, 1.0}, {0.0, 1.0, 2.0}};
        String m = failure(learner("Fail"), cells(XY, rows));
        assertTrue(m.startsWith("Column 'y' has a missing value in row 2."), m);
        NodeRunner<NodeModel> skipping = learner("Skip row");
        skipping.execute(cells(XY, rows));
        assertTrue(skipping.warning().contains("1 of 3 rows have missing values and were skipped"), skipping.warning());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300})
    void learnerRefusesInfiniteAndHugeValuesNamingColumnAndRow(final double value) throws Exception {
        Double[][] rows = {{1.0, 2.0, 3.0}, {2.0, 1.0, value}, {0.0, 1.0, 2.0}};
        String m = failure(learner("Fail"), cells(XY, rows));
        assertTrue(m.startsWith("Column 'z' has ") && m.contains("row 2"), m);
        assertTrue(m.contains("infinite") || m.contains("too large"), m);
    }

    @Test
    void learnerTrainsOnTinyAndConstantColumnsWithAWarning() throws Exception {
        NodeRunner<NodeModel> runner = learner("Fail");
        Double[][] rows = new Double[10][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new Double[]{r * 1e-300, 5.0, r % 2 == 0 ? 1.0 : 1.0 + 1e-12};
        }
        PortObject[] out = runner.execute(cells(XY, rows));
        assertTrue(runner.warning().contains("same value in every training row") && runner.warning().contains(": y."),
            runner.warning());
        BufferedDataTable scored = Nodes.table(Nodes.scorer().execute(out[0], cells(XY, rows)), 0);
        assertTrue(Arrays.stream(Tables.doubleColumn(scored, "Reconstruction error")).allMatch(Double::isFinite));
    }

    @Test
    void learnerWithMoreColumnsThanRowsWarns() throws Exception {
        NodeRunner<NodeModel> runner = learner("Fail");
        runner.execute(cells(XY, new Double[]{1.0, 2.0, 3.0}, new Double[]{3.0, 1.0, 0.0}));
        assertTrue(runner.warning().contains("fewer rows (2) than columns (3)"), runner.warning());
    }

    /** A flow variable (or an old workflow) can put a string column into the include list. */
    @Test
    void learnerIgnoresANonNumericColumnSelectedBySettingsAndSaysSo() throws Exception {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpec[]{
            new DataColumnSpecCreator("x", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("label", StringCell.TYPE).createSpec()});
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            rows.add(new DefaultRow(RowKey.createRowKey((long)r), new DoubleCell(r), new StringCell("r" + r)));
        }
        BufferedDataTable table = Tables.table(spec, rows);
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = runner.saveSettings();
        ColumnFilterSettings.include(s, "input_columns", "x", "label");
        s.addInt("epochs", 1);
        s.addString("backend", "CPU");
        runner.loadSettings(s);
        runner.configure(spec);
        assertTrue(runner.warning() != null && runner.warning().contains("not numeric are ignored")
            && runner.warning().contains("label"), runner.warning());
        PortObject[] out = runner.execute(table);
        assertEquals(List.of("x"), ((AutoencoderPortObject)out[0]).getSpec().getColumnNames());

        ColumnFilterSettings.include(s, "input_columns", "label");
        runner.loadSettings(s);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> runner.configure(spec));
        assertTrue(e.getMessage().contains("No numeric column is selected"), e.getMessage());
    }

    @Test
    void duplicateColumnNamesCannotReachTheNodes() {
        // KNIME refuses such a spec itself (a renaming node fails first); the engine refuses duplicates too
        // (EngineBadInputMatrixTest), for callers outside KNIME
        assertThrows(IllegalArgumentException.class,
            () -> new DataTableSpec(new String[]{"x", "x"}, new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE}));
    }

    // ---- Scorer --------------------------------------------------------------------------------------------

    private static AutoencoderPortObject smallModel() throws Exception {
        return (AutoencoderPortObject)learner("Fail").execute(uniform(40, 1))[0];
    }

    @Test
    void scorerOnAnEmptyTableGivesAnEmptyTableWithTheScoreColumn() throws Exception {
        BufferedDataTable out = Nodes.table(Nodes.scorer().execute(smallModel(), cells(XY)), 0);
        assertEquals(0, out.size());
        assertTrue(out.getDataTableSpec().containsName("Reconstruction error"));
    }

    @Test
    void scorerGivesMissingScoresWithAWarningForMissingAndNaNCells() throws Exception {
        NodeRunner<NodeModel> scorer = Nodes.scorer();
        BufferedDataTable out = Nodes.table(scorer.execute(smallModel(), cells(XY, new Double[]{0.5, 0.5, 0.5},
            new Double[]{null, 0.5, 0.5}, new Double[]{0.5, Double.NaN, 0.5}, new Double[]{null, null, null})), 0);
        double[] scores = Tables.doubleColumn(out, "Reconstruction error");
        assertTrue(Double.isFinite(scores[0]));
        assertTrue(Double.isNaN(scores[1]) && Double.isNaN(scores[2]) && Double.isNaN(scores[3]));
        assertTrue(scorer.warning().startsWith("3 row(s) have missing values"), scorer.warning());
    }

    @Test
    void scorerRefusesInfiniteValuesNamingColumnAndRow() throws Exception {
        String m = failure(Nodes.scorer(), smallModel(), cells(XY, new Double[]{0.5, 0.5, 0.5}, new Double[]{0.5, 0.5,
            Double.NEGATIVE_INFINITY}));
        assertTrue(m.startsWith("Column 'z' has an infinite value (-Infinity) in row 2."), m);
    }

    @Test
    void scorerGivesExtremeValuesAFiniteTopScore() throws Exception {
        NodeRunner<NodeModel> scorer = Nodes.scorer();
        BufferedDataTable out = Nodes.table(scorer.execute(smallModel(), cells(XY, new Double[]{0.5, 0.5, 0.5},
            new Double[]{3e38, 0.5, 0.5}, new Double[]{0.5, -1e30, 0.5})), 0);
        double[] scores = Tables.doubleColumn(out, "Reconstruction error");
        assertTrue(Arrays.stream(scores).allMatch(Double::isFinite), Arrays.toString(scores));
        assertTrue(scores[1] > scores[0] && scores[2] > scores[0], Arrays.toString(scores));
        assertEquals(null, scorer.warning());
    }

    @Test
    void scorerWithARenamedColumnSaysWhichOneIsMissing() throws Exception {
        AutoencoderPortObject model = smallModel();
        BufferedDataTable renamed = cells(new String[]{"x", "Y", "z"}, new Double[]{0.5, 0.5, 0.5});
        Exception e = assertThrows(InvalidSettingsException.class, () -> Nodes.scorer().execute(model, renamed));
        assertTrue(e.getMessage().contains("no column \"y\"") && e.getMessage().contains("rename or add"),
            e.getMessage());
    }

    @Test
    void scorerAcceptsAnIntegerColumnWhereTheModelSawDoubles() throws Exception {
        // documented: any column compatible with numbers scores; the type the model saw is only reported
        DataTableSpec spec = new DataTableSpec(new String[]{"x", "y", "z"},
            new DataType[]{IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE});
        BufferedDataTable table = Tables.table(spec, new DefaultRow(RowKey.createRowKey(0L), new IntCell(1),
            new DoubleCell(0.5), new DoubleCell(0.5)));
        double[] scores = Tables.doubleColumn(Nodes.table(Nodes.scorer().execute(smallModel(), table), 0),
            "Reconstruction error");
        assertTrue(Double.isFinite(scores[0]));
    }

    // ---- Threshold Filter ----------------------------------------------------------------------------------

    private static NodeRunner<NodeModel> filter(final String rule, final String key, final double value,
        final String missingScores) throws Exception {
        NodeRunner<NodeModel> runner = Nodes.filter();
        NodeSettings s = runner.saveSettings();
        s.addString("score_column", "x");
        s.addString("threshold_rule", rule);
        s.addDouble(key, value);
        s.addString("missing_scores", missingScores);
        runner.loadSettings(s);
        return runner;
    }

    @ParameterizedTest
    @CsvSource({"Percentile of scores, percentile, 101, percentile must be above 0 and below 100",
        "Percentile of scores, percentile, 0, percentile must be above 0 and below 100",
        "Percentile of scores, percentile, NaN, percentile must be above 0 and below 100",
        "Contamination rate, contamination, 0, contamination (expected fraction of anomalies) must be above 0",
        "Contamination rate, contamination, 1, contamination (expected fraction of anomalies) must be above 0",
        "Mean + k standard deviations, k_standard_deviations, -1, factor k must be 0 or positive",
        "Median + k MADs, k_mads, -0.5, factor k must be 0 or positive",
        "Interquartile range (Q3 + k IQR), k_iqr, -3, factor k must be 0 or positive",
        "Interquartile range (Q3 + k IQR), k_iqr, Infinity, factor k must be 0 or positive",
        "Quantile of training errors, training_quantile, 0, training error quantile must be above 0",
        "Quantile of training errors, training_quantile, 1.5, training error quantile must be above 0",
        "Fixed value, fixed_threshold, NaN, fixed threshold must be a number"})
    void filterRefusesOutOfRangeRuleParametersWithTheEngineMessage(final String rule, final String key,
        final double value, final String expected) {
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> filter(rule, key, value, "Treat as normal"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void filterOnAnEmptyTableGivesTwoEmptyOutputsAndAWarning() throws Exception {
        NodeRunner<NodeModel> runner = filter("Percentile of scores", "percentile", 95, "Treat as normal");
        PortObject[] out = runner.execute(cells(new String[]{"x"}), null);
        assertEquals(3, out.length, "every declared output port gets an object, the image port too");
        assertTrue(out[2] instanceof org.knime.core.node.port.image.ImagePortObject, String.valueOf(out[2]));
        assertEquals(0, Nodes.table(out, 0).size());
        assertEquals(0, Nodes.table(out, 1).size());
        assertTrue(runner.warning().startsWith("The input table is empty"), runner.warning());
        assertEquals(0, runner.model().peekFlowVariableInt("anomaly_count"));
        NodeRunner<NodeModel> fixed = filter("Fixed value", "fixed_threshold", 0.5, "Treat as normal");
        fixed.execute(cells(new String[]{"x"}), null);
        assertEquals(0.5, fixed.model().peekFlowVariableDouble("anomaly_threshold"));
    }

    @Test
    void filterOnOneRowPutsItSomewhere() throws Exception {
        PortObject[] out = filter("Mean + k standard deviations", "k_standard_deviations", 3, "Treat as normal")
            .execute(cells(new String[]{"x"}, new Double[]{0.3}), null);
        assertEquals(1, Nodes.table(out, 0).size() + Nodes.table(out, 1).size());
    }

    @Test
    void filterTreatsANaNScoreAsMissingUnderEveryPolicy() throws Exception {
        BufferedDataTable table = cells(new String[]{"x"}, new Double[]{0.1}, new Double[]{Double.NaN},
            new Double[]{0.2}, new Double[]{0.9});
        PortObject[] normal = filter("Fixed value", "fixed_threshold", 0.5, "Treat as normal").execute(table, null);
        assertEquals(List.of("Row3"), Tables.rowKeys(Nodes.table(normal, 0)));
        PortObject[] anomaly = filter("Fixed value", "fixed_threshold", 0.5, "Treat as anomaly").execute(table, null);
        assertEquals(List.of("Row1", "Row3"), Tables.rowKeys(Nodes.table(anomaly, 0)));
        String m = failure(filter("Fixed value", "fixed_threshold", 0.5, "Fail"), table, null);
        assertTrue(m.startsWith("Row \"Row1\" has no score"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Percentile of scores", "Contamination rate", "Fixed value"})
    void filterRefusesInfiniteScoresNamingTheRow(final String rule) throws Exception {
        BufferedDataTable table = cells(new String[]{"x"}, new Double[]{0.1}, new Double[]{0.2},
            new Double[]{Double.POSITIVE_INFINITY});
        NodeRunner<NodeModel> runner = Nodes.filter();
        NodeSettings s = runner.saveSettings();
        s.addString("score_column", "x");
        s.addString("threshold_rule", rule);
        runner.loadSettings(s);
        String m = failure(runner, table, null);
        assertTrue(m.startsWith("Row \"Row2\" has an infinite score (Infinity in \"x\")"), m);
        assertNotNull(m);
    }
}
