package org.aedetect.autoencoder.node.scorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.node.Nodes;
import org.aedetect.autoencoder.node.Planted;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.TableReads;
import org.knime.offline.testing.Tables;

class ReconstructionScorerNodeModelTest {

    @Test
    void settingsKeysAreStableAndRoundTrip() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.scorer();
        NodeSettings s = runner.saveSettings();
        Set<String> keys = new TreeSet<>(s.keySet());
        keys.removeIf(k -> k.endsWith(SettingsModel.CFGKEY_INTERNAL));
        assertEquals(new TreeSet<>(List.of("error_column", "error_metric", "append_column_errors",
            "append_training_percentile")), keys);
        s.addString("error_column", "Score");
        s.addString("error_metric", "Maximum absolute error");
        s.addBoolean("append_column_errors", true);
        s.addBoolean("append_training_percentile", true);
        runner.loadSettings(s);
        NodeRunner<NodeModel> other = Nodes.scorer();
        other.loadSettings(runner.saveSettings());
        assertEquals("Score", other.saveSettings().getString("error_column"));
        assertEquals("Maximum absolute error", other.saveSettings().getString("error_metric"));
        assertTrue(other.saveSettings().getBoolean("append_column_errors"));

        NodeSettings bad = runner.saveSettings();
        bad.addString("error_metric", "Euclid");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(bad));
        assertTrue(e.getMessage().contains("Euclid"), e.getMessage());
        NodeSettings blank = runner.saveSettings();
        blank.addString("error_column", " ");
        assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(blank));
    }

    @Test
    void outputSpecIsKnownAtConfigureTime() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        NodeRunner<NodeModel> runner = Nodes.scorer();
        NodeSettings s = runner.saveSettings();
        s.addBoolean("append_column_errors", true);
        s.addBoolean("append_training_percentile", true);
        runner.loadSettings(s);
        DataTableSpec out = (DataTableSpec)runner.configure(model.getSpec(), Planted.spec())[0];
        List<String> expected = new ArrayList<>(List.of(Planted.spec().getColumnNames()));
        expected.add("Reconstruction error");
        for (String c : Planted.SENSORS) {
            expected.add("Reconstruction error (" + c + ")");
        }
        expected.add("Reconstruction error percentile");
        assertEquals(expected, List.of(out.getColumnNames()));
        BufferedDataTable scored = Nodes.table(runner.execute(model, Planted.table(30, 2, 9)), 0);
        assertEquals(out, scored.getDataTableSpec());
        for (double p : Tables.doubleColumn(scored, "Reconstruction error percentile")) {
            assertTrue(p >= 0 && p <= 100, "percentile " + p);
        }
    }

    @Test
    void missingOrWrongTypedModelColumnIsNamed() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        List<DataColumnSpec> cols = new ArrayList<>();
        Planted.spec().forEach(c -> {
            if (!c.getName().equals("s3")) {
                cols.add(c);
            }
        });
        DataTableSpec withoutS3 = new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class,
            () -> Nodes.scorer().configure(model.getSpec(), withoutS3));
        assertTrue(missing.getMessage().contains("no column \"s3\""), missing.getMessage());

        cols.add(new DataColumnSpecCreator("s3", StringCell.TYPE).createSpec());
        DataTableSpec s3AsString = new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
        InvalidSettingsException wrongType = assertThrows(InvalidSettingsException.class,
            () -> Nodes.scorer().configure(model.getSpec(), s3AsString));
        assertTrue(wrongType.getMessage().contains("\"s3\"") && wrongType.getMessage().contains("String"),
            wrongType.getMessage());

        NodeRunner<NodeModel> runner = Nodes.scorer();
        Nodes.set(runner, "error_column", "s1");
        InvalidSettingsException taken = assertThrows(InvalidSettingsException.class,
            () -> runner.configure(model.getSpec(), Planted.spec()));
        assertTrue(taken.getMessage().contains("\"s1\""), taken.getMessage());
    }

    @Test
    void columnOrderDoesNotMatterAndExtraColumnsPassThrough() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        BufferedDataTable table = Planted.table(40, 3, 11);
        DataTableSpec in = table.getDataTableSpec();
        int[] reversed = new int[in.getNumColumns()];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - 1 - i;
        }
        DataColumnSpec[] cols = new DataColumnSpec[reversed.length];
        for (int i = 0; i < reversed.length; i++) {
            cols[i] = in.getColumnSpec(reversed[i]);
        }
        List<DataRow> rows = new ArrayList<>();
        for (DataRow r : table) {
            DataCell[] cells = new DataCell[reversed.length];
            for (int i = 0; i < reversed.length; i++) {
                cells[i] = r.getCell(reversed[i]);
            }
            rows.add(new DefaultRow(r.getKey(), cells));
        }
        BufferedDataTable shuffled = Tables.table(new DataTableSpec(cols), rows);
        double[] a = Tables.doubleColumn(Nodes.table(Nodes.scorer().execute(model, table), 0), "Reconstruction error");
        BufferedDataTable b = Nodes.table(Nodes.scorer().execute(model, shuffled), 0);
        assertArrayEquals(a, Tables.doubleColumn(b, "Reconstruction error"), 1e-12);
        assertEquals("id", b.getDataTableSpec().getColumnSpec(b.getDataTableSpec().getNumColumns() - 2).getName());
        assertEquals(Tables.rowKeys(table), Tables.rowKeys(b));
    }

    @Test
    void streamingGivesTheSameRowsAsExecute() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        NodeRunner<NodeModel> runner = Nodes.scorer();
        assertEquals(InputPortRole.DISTRIBUTED_STREAMABLE, runner.model().getInputPortRoles()[1]);
        NodeSettings s = runner.saveSettings();
        s.addBoolean("append_column_errors", true);
        s.addBoolean("append_training_percentile", true);
        runner.loadSettings(s);
        // more than two batches, the last one short, and some rows with missing scores
        List<DataRow> rows = new ArrayList<>();
        int i = 0;
        for (DataRow r : Planted.table(2500, 10, 12)) {
            DataCell[] cells = new DataCell[r.getNumCells()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = i % 997 == 0 && c == 1 ? DataType.getMissingCell() : r.getCell(c);
            }
            rows.add(new DefaultRow(r.getKey(), cells));
            i++;
        }
        BufferedDataTable table = Tables.table(Planted.spec(), rows);
        BufferedDataTable executed = Nodes.table(runner.execute(model, table), 0);
        String executedWarning = runner.warning();
        BufferedDataTable streamed = Nodes.table(runner.executeStreamed(model, table), 0);
        assertEquals(executed.getDataTableSpec(), streamed.getDataTableSpec());
        List<DataRow> a = Tables.rows(executed);
        List<DataRow> b = Tables.rows(streamed);
        assertEquals(table.size(), a.size());
        assertEquals(a.size(), b.size());
        for (int r = 0; r < a.size(); r++) {
            assertEquals(a.get(r).getKey(), b.get(r).getKey());
            assertEquals(a.get(r).getNumCells(), b.get(r).getNumCells());
            for (int c = 0; c < a.get(r).getNumCells(); c++) {
                assertEquals(a.get(r).getCell(c), b.get(r).getCell(c), "row " + r + ", cell " + c);
            }
        }
        assertTrue(executedWarning.startsWith("3 row(s) have missing values"), executedWarning);
        assertEquals(executedWarning, runner.warning());
    }

    @Test
    void scoreRowsAreNotCheckedForDuplicateKeysAgain() throws Exception {
        // the score rows carry the input's keys, unique in any KNIME table and compared one by one by the join:
        // the container skips KNIME's duplicate check (a set of every key, spilled to disk on large tables)
        AutoencoderPortObject model = Nodes.trainedModel();
        BufferedDataTable table = Nodes.withRepeatedKey(Planted.table(300, 5, 21), "same");
        BufferedDataTable scored = Nodes.table(Nodes.scorer().execute(model, table), 0);
        assertEquals(table.size(), scored.size());
        assertTrue(Tables.rowKeys(scored).stream().allMatch("same"::equals));
    }

    @Test
    void executionReadsOnlyTheModelColumnsAndThenOnlyTheKeys() throws Exception {
        // KNIME's columnar backend reads only the columns asked for
        AutoencoderPortObject model = Nodes.trainedModel();
        BufferedDataTable table = Planted.table(1500, 5, 16);
        Nodes.scorer().execute(model, table);
        Set<Integer> sensors = Set.of(1, 2, 3, 4, 5, 6); // not "id" (0) or "count" (7)
        // scoring, then the join's key check
        assertEquals(List.of(Optional.of(sensors), Optional.of(Set.of())), TableReads.of(table));
    }

    @Test
    void executionAppendsScoresWithoutRewritingTheInputCells() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        NodeRunner<NodeModel> runner = Nodes.scorer();
        BufferedDataTable table = Planted.table(1500, 5, 16);
        BufferedDataTable scored = Nodes.table(runner.execute(model, table), 0);
        List<DataRow> in = Tables.rows(table);
        List<DataRow> out = Tables.rows(scored);
        for (int r = 0; r < in.size(); r += 97) {
            for (int c = 0; c < in.get(r).getNumCells(); c++) {
                assertSame(in.get(r).getCell(c), out.get(r).getCell(c), "row " + r + ", cell " + c);
            }
        }
        assertEquals(1.0, runner.monitor().getProgress(), 1e-9);
        assertTrue(runner.monitor().getMessages().contains("Scored 1505 of 1505 rows"),
            runner.monitor().getMessages().toString());
    }

    @Test
    void executionCanBeCanceledBetweenBatches() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        // the Scorer's batches are as large as the engine suggests (4,096 rows on a machine of up to four threads)
        final int batch = TrainedAutoencoder.scoreCallRows();
        final int rows = 2 * batch + 500;
        NodeRunner<NodeModel> runner = Nodes.scorer().cancelWhen(m -> m.startsWith("Scored " + batch + " "));
        assertThrows(CanceledExecutionException.class, () -> runner.execute(model, Planted.table(rows, 0, 17)));
        assertTrue(runner.monitor().getMessages().stream().noneMatch(m -> m.startsWith("Scored " + rows)),
            runner.monitor().getMessages().toString());
    }

    @Test
    void rowsWithMissingValuesGetMissingScoresAndAWarning() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        List<DataRow> rows = new ArrayList<>();
        BufferedDataTable table = Planted.table(20, 0, 13);
        int i = 0;
        for (DataRow r : table) {
            DataCell[] cells = new DataCell[r.getNumCells()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = (i % 5 == 0 && c == 2) ? DataType.getMissingCell() : r.getCell(c);
            }
            rows.add(new DefaultRow(r.getKey(), cells));
            i++;
        }
        NodeRunner<NodeModel> runner = Nodes.scorer();
        BufferedDataTable scored =
            Nodes.table(runner.execute(model, Tables.table(table.getDataTableSpec(), rows)), 0);
        double[] scores = Tables.doubleColumn(scored, "Reconstruction error");
        for (int r = 0; r < scores.length; r++) {
            assertEquals(r % 5 == 0, Double.isNaN(scores[r]), "row " + r);
        }
        assertTrue(runner.warning().startsWith("4 row(s) have missing values"), runner.warning());
        runner.execute(model, table);
        assertNull(runner.warning());
    }

    @Test
    void perColumnErrorsPointAtTheDeviatingColumn() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        BufferedDataTable normal = Planted.table(1, 0, 14);
        DataRow r = normal.iterator().next();
        DataCell[] cells = new DataCell[r.getNumCells()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = r.getCell(c);
        }
        cells[4] = new DoubleCell(((DoubleCell)cells[4]).getDoubleValue() + 6);
        BufferedDataTable odd = Tables.table(normal.getDataTableSpec(), new DefaultRow("odd", cells));
        NodeRunner<NodeModel> runner = Nodes.scorer();
        NodeSettings s = runner.saveSettings();
        s.addBoolean("append_column_errors", true);
        runner.loadSettings(s);
        BufferedDataTable scored = Nodes.table(runner.execute(model, odd), 0);
        double s4 = Tables.doubleColumn(scored, "Reconstruction error (s4)")[0];
        for (String c : Planted.SENSORS) {
            assertTrue(Tables.doubleColumn(scored, "Reconstruction error (" + c + ")")[0] <= s4, c);
        }
    }
}
