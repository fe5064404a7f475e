package org.aedetect.autoencoder.node.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.aedetect.autoencoder.engine.ThresholdRule;
import org.aedetect.autoencoder.node.Nodes;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.TableReads;
import org.knime.offline.testing.Tables;

class ThresholdFilterNodeModelTest {

    private static final String SCORE = "Reconstruction error";

    private static BufferedDataTable scores(final double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[]{values[i]};
        }
        return Tables.doubles(new String[]{SCORE}, rows);
    }

    private static NodeRunner<NodeModel> filter(final String rule, final String key, final double value)
        throws Exception {
        NodeRunner<NodeModel> runner = Nodes.filter();
        NodeSettings s = runner.saveSettings();
        s.addString("threshold_rule", rule);
        s.addDouble(key, value);
        runner.loadSettings(s);
        return runner;
    }

    @Test
    void settingsKeysAreStableAndDefaultIsThe95thPercentile() throws Exception {
        NodeSettings s = Nodes.filter().saveSettings();
        Set<String> keys = new TreeSet<>(s.keySet());
        keys.removeIf(k -> k.endsWith(SettingsModel.CFGKEY_INTERNAL));
        assertEquals(new TreeSet<>(List.of("score_column", "threshold_rule", "percentile", "contamination",
            "fixed_threshold", "k_standard_deviations", "k_mads", "k_iqr", "training_quantile", "missing_scores",
            "output_mode", "anomaly_column")), keys);
        FilterSettings defaults = new FilterSettings();
        assertEquals(ThresholdRule.percentile(95), defaults.rule());

        NodeRunner<NodeModel> runner = filter("Median + k MADs", "k_mads", 2.5);
        NodeRunner<NodeModel> other = Nodes.filter();
        other.loadSettings(runner.saveSettings());
        FilterSettings loaded = new FilterSettings();
        loaded.loadFrom(other.saveSettings());
        assertEquals(ThresholdRule.medianPlusKMad(2.5), loaded.rule());
    }

    @Test
    void everyRuleIsReachableFromTheSettings() throws Exception {
        String[][] rules = {{"Percentile of scores", "percentile", "90"}, {"Contamination rate", "contamination", "0.1"},
            {"Fixed value", "fixed_threshold", "0.5"}, {"Mean + k standard deviations", "k_standard_deviations", "2"},
            {"Median + k MADs", "k_mads", "2"}, {"Interquartile range (Q3 + k IQR)", "k_iqr", "1.5"},
            {"Quantile of training errors", "training_quantile", "0.9"}};
        ThresholdRule[] expected = {ThresholdRule.percentile(90), ThresholdRule.contamination(0.1),
            ThresholdRule.fixed(0.5), ThresholdRule.meanPlusKSd(2), ThresholdRule.medianPlusKMad(2),
            ThresholdRule.iqr(1.5), ThresholdRule.trainingQuantile(0.9)};
        for (int i = 0; i < rules.length; i++) {
            NodeRunner<NodeModel> runner = filter(rules[i][0], rules[i][1], Double.parseDouble(rules[i][2]));
            FilterSettings s = new FilterSettings();
            s.loadFrom(runner.saveSettings());
            assertEquals(expected[i], s.rule(), rules[i][0]);
        }
        assertEquals(rules.length, FilterSettings.RULES.labels().length);
    }

    @Test
    void outOfRangeParameterIsRefusedWithTheEngineMessage() {
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> filter("Percentile of scores", "percentile", 100));
        assertTrue(e.getMessage().contains("percentile must be above 0 and below 100"), e.getMessage());
    }

    @Test
    void splitsAtTheThresholdAndPushesIt() throws Exception {
        NodeRunner<NodeModel> runner = filter("Fixed value", "fixed_threshold", 0.5);
        PortObject[] out = runner.execute(scores(0.1, 0.5, 0.9, 0.7, Double.NaN), null);
        assertEquals(List.of("Row2", "Row3"), Tables.rowKeys(Nodes.table(out, 0)));
        assertEquals(List.of("Row0", "Row1", "Row4"), Tables.rowKeys(Nodes.table(out, 1)));
        assertEquals(0.5, runner.model().peekFlowVariableDouble("anomaly_threshold"));
        assertEquals(2, runner.model().peekFlowVariableInt("anomaly_count"));
        assertEquals("fixed threshold 0.5", runner.model().peekFlowVariableString("anomaly_threshold_rule"));
        assertTrue(runner.monitor().getMessage().startsWith("Threshold 0.5"), runner.monitor().getMessage());
        assertNull(runner.warning());
    }

    @Test
    void rowsAreNotCheckedForDuplicateKeysAgain() throws Exception {
        // both outputs hold input rows (or flags under their keys), unique in any KNIME table: the containers
        // skip KNIME's duplicate check
        BufferedDataTable in = Nodes.withRepeatedKey(scores(0.1, 0.5, 0.9, 0.2, 0.7), "same");
        PortObject[] out = filter("Fixed value", "fixed_threshold", 0.6).execute(in, null);
        assertEquals(2, Nodes.table(out, 0).size());
        assertEquals(3, Nodes.table(out, 1).size());
        NodeRunner<NodeModel> append = filter("Fixed value", "fixed_threshold", 0.6);
        Nodes.set(append, "output_mode", "Append anomaly column");
        assertEquals(5, Nodes.table(append.execute(in, null), 0).size());
    }

    @Test
    void missingScoresFollowTheSetting() throws Exception {
        NodeRunner<NodeModel> runner = filter("Fixed value", "fixed_threshold", 0.5);
        Nodes.set(runner, "missing_scores", "Treat as anomaly");
        assertEquals(List.of("Row2", "Row4"),
            Tables.rowKeys(Nodes.table(runner.execute(scores(0.1, 0.5, 0.9, 0.2, Double.NaN), null), 0)));
        Nodes.set(runner, "missing_scores", "Fail");
        Exception e = assertThrows(Exception.class, () -> runner.execute(scores(0.1, Double.NaN), null));
        assertTrue(e.getMessage().contains("\"Row1\""), e.getMessage());
    }

    @Test
    void readsOnlyTheScoreColumnAndWhatItsOutputsNeed() throws Exception {
        double[][] values = {{7, 0.1}, {8, 0.9}, {9, 0.6}};
        NodeRunner<NodeModel> runner = filter("Fixed value", "fixed_threshold", 0.5);
        BufferedDataTable splitIn = Tables.doubles(new String[]{"x", SCORE}, values);
        runner.execute(splitIn, null);
        // the scores, then whole rows for the two outputs
        assertEquals(List.of(Optional.of(Set.of(1)), Optional.empty()), TableReads.of(splitIn));

        Nodes.set(runner, "output_mode", "Append anomaly column");
        BufferedDataTable appendIn = Tables.doubles(new String[]{"x", SCORE}, values);
        runner.execute(appendIn, null);
        // the scores, the keys for the flags, the keys again for the join's check: no other cell
        assertEquals(List.of(Optional.of(Set.of(1)), Optional.of(Set.of()), Optional.of(Set.of())),
            TableReads.of(appendIn));
    }

    @Test
    void appendModeFlagsEveryRow() throws Exception {
        NodeRunner<NodeModel> runner = filter("Fixed value", "fixed_threshold", 0.5);
        Nodes.set(runner, "output_mode", "Append anomaly column");
        Nodes.set(runner, "anomaly_column", "Is anomaly");
        PortObject[] out = runner.execute(scores(0.1, 0.9), null);
        BufferedDataTable flagged = Nodes.table(out, 0);
        assertArrayEquals(new String[]{SCORE, "Is anomaly"}, flagged.getDataTableSpec().getColumnNames());
        assertEquals(List.of("false", "true"),
            Tables.rows(flagged).stream().map(r -> r.getCell(1).toString()).toList());
        // the input's rows and cells come through unchanged beside the flag (joined, not copied)
        assertEquals(Tables.rows(scores(0.1, 0.9)).stream().map(r -> r.getKey() + "=" + r.getCell(0)).toList(),
            Tables.rows(flagged).stream().map(r -> r.getKey() + "=" + r.getCell(0)).toList());
        assertEquals(0, Nodes.table(out, 1).size());
    }

    @Test
    void configureErrorsSayWhatToDo() throws Exception {
        DataTableSpec noScore = new DataTableSpec(new String[]{"x"}, new DataType[]{DoubleCell.TYPE});
        InvalidSettingsException e1 =
            assertThrows(InvalidSettingsException.class, () -> Nodes.filter().configure(noScore, null));
        assertTrue(e1.getMessage().contains("no score column \"Reconstruction error\""), e1.getMessage());

        DataTableSpec stringScore = new DataTableSpec(new String[]{SCORE}, new DataType[]{StringCell.TYPE});
        InvalidSettingsException e2 =
            assertThrows(InvalidSettingsException.class, () -> Nodes.filter().configure(stringScore, null));
        assertTrue(e2.getMessage().contains("must hold numbers"), e2.getMessage());

        NodeRunner<NodeModel> runner = filter("Quantile of training errors", "training_quantile", 0.99);
        InvalidSettingsException e3 = assertThrows(InvalidSettingsException.class,
            () -> runner.configure(scores(1).getDataTableSpec(), null));
        assertTrue(e3.getMessage().contains("connect the model output"), e3.getMessage());

        NodeRunner<NodeModel> append = Nodes.filter();
        Nodes.set(append, "output_mode", "Append anomaly column");
        Nodes.set(append, "anomaly_column", SCORE);
        InvalidSettingsException e4 = assertThrows(InvalidSettingsException.class,
            () -> append.configure(scores(1).getDataTableSpec(), null));
        assertTrue(e4.getMessage().contains("already has a column"), e4.getMessage());
    }

    @Test
    void allMissingScoresFailWithAClearMessage() throws Exception {
        Exception e = assertThrows(Exception.class, () -> Nodes.filter().execute(scores(Double.NaN, Double.NaN), null));
        assertTrue(e.getMessage().contains("scores are missing"), e.getMessage());
    }
}
