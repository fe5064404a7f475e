package org.aedetect.autoencoder.node.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.node.Nodes;
import org.aedetect.autoencoder.node.Planted;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.aedetect.autoencoder.port.AutoencoderPortObjectSpec;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.offline.testing.ColumnFilterSettings;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.TableReads;
import org.knime.offline.testing.Tables;

class AutoencoderLearnerNodeModelTest {

    private static final List<String> KEYS = List.of("input_columns", "hidden_layers", "hidden_activation",
        "output_activation", "dropout", "l2_regularization", "loss", "optimizer", "learning_rate", "epochs",
        "batch_size", "validation_fraction", "early_stopping_patience", "seed", "normalization", "missing_values",
        "input_noise_stddev", "backend");

    @Test
    void defaultSettingsAreTheEngineDefaults() throws Exception {
        assertEquals(AutoencoderSpec.defaults(), new LearnerSettings().toSpec());
        assertNull(new LearnerSettings().backend(), "default backend defers to the preference");
    }

    @Test
    void settingsKeysAreStable() {
        NodeSettings s = Nodes.learner().saveSettings();
        Set<String> keys = new TreeSet<>(s.keySet());
        keys.removeIf(k -> k.endsWith(SettingsModel.CFGKEY_INTERNAL));
        assertEquals(new TreeSet<>(KEYS), keys);
    }

    @Test
    void settingsRoundTripThroughSaveLoadValidate() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = runner.saveSettings();
        ColumnFilterSettings.include(s, "input_columns", "s1", "s2");
        s.addString("hidden_layers", "16, 4");
        s.addString("hidden_activation", "ELU");
        s.addString("output_activation", "Linear");
        s.addDouble("dropout", 0.2);
        s.addDouble("l2_regularization", 0.001);
        s.addString("loss", "MAE");
        s.addString("optimizer", "RMSProp");
        s.addDouble("learning_rate", 0.005);
        s.addInt("epochs", 7);
        s.addInt("batch_size", 128);
        s.addDouble("validation_fraction", 0.2);
        s.addInt("early_stopping_patience", 0);
        s.addLong("seed", 7L);
        s.addString("normalization", "Z-score");
        s.addString("missing_values", "Impute column mean");
        s.addDouble("input_noise_stddev", 0.1);
        s.addString("backend", "CPU");
        runner.loadSettings(s);
        NodeSettings saved = runner.saveSettings();
        NodeRunner<NodeModel> other = Nodes.learner();
        other.loadSettings(saved);
        NodeSettings again = other.saveSettings();
        assertEquals(xml(saved), xml(again), "save -> load -> save gives the same settings");
        AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(16, 4)
            .hiddenActivation(org.aedetect.autoencoder.engine.HiddenActivation.ELU)
            .outputActivation(org.aedetect.autoencoder.engine.OutputActivation.LINEAR).dropout(0.2).l2(0.001)
            .loss(org.aedetect.autoencoder.engine.LossKind.MAE)
            .optimizer(org.aedetect.autoencoder.engine.OptimizerKind.RMSPROP).learningRate(0.005).epochs(7)
            .batchSize(128).validationFraction(0.2).earlyStoppingPatience(0).seed(7)
            .normalization(org.aedetect.autoencoder.engine.NormalizationKind.Z_SCORE)
            .missingValuePolicy(org.aedetect.autoencoder.engine.MissingValuePolicy.IMPUTE_MEAN).noiseStdDev(0.1)
            .build();
        LearnerSettings loaded = new LearnerSettings();
        loaded.loadFrom(again);
        assertEquals(spec, loaded.toSpec());
        assertEquals(List.of("s1", "s2"), loaded.selectedColumns(Planted.spec()));
    }

    static String xml(final NodeSettings settings) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        settings.saveToXML(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void absentKeysAreRefusedNotDefaulted() {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = new NodeSettings("model");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(s));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void configureAnnouncesModelSpecAndHistoryTable() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        Nodes.fastLearnerSettings(runner, 3);
        PortObjectSpec[] out = runner.configure(Planted.spec());
        AutoencoderPortObjectSpec model = (AutoencoderPortObjectSpec)out[0];
        assertEquals(List.of(Planted.SENSORS), model.getColumnNames());
        assertEquals(List.of("Double", "Double", "Double", "Double", "Double", "Double"), model.getColumnTypeNames());
        assertArrayEquals(new int[]{8, 2}, model.getHiddenLayers());
        assertFalse(model.isTrained());
        assertArrayEquals(new String[]{"Epoch", "Training loss", "Validation loss", "Seconds", "Backend"},
            ((DataTableSpec)out[1]).getColumnNames());
    }

    @Test
    void trainingReadsOnlyTheSelectedColumns() throws Exception {
        // KNIME's columnar backend reads only the columns asked for
        NodeRunner<NodeModel> runner = Nodes.learner();
        Nodes.fastLearnerSettings(runner, 2);
        BufferedDataTable table = Planted.table(200, 0, 3);
        runner.execute(table);
        List<Optional<Set<Integer>>> reads = TableReads.of(table);
        assertFalse(reads.isEmpty());
        // s1..s6, not "id" (0) or "count" (7), in every pass over the table
        assertEquals(Set.of(Optional.of(Set.of(1, 2, 3, 4, 5, 6))), Set.copyOf(reads), reads.toString());
    }

    @Test
    void defaultColumnSelectionTakesAllNumericColumns() throws Exception {
        PortObjectSpec[] out = Nodes.learner().configure(Planted.spec());
        List<String> expected = new java.util.ArrayList<>(List.of(Planted.SENSORS));
        expected.add("count");
        assertEquals(expected, ((AutoencoderPortObjectSpec)out[0]).getColumnNames());
    }

    @Test
    void configureFailsClearlyWithoutNumericColumns() throws Exception {
        DataTableSpec strings = new DataTableSpec(new String[]{"a", "b"}, new DataType[]{StringCell.TYPE,
            StringCell.TYPE});
        InvalidSettingsException noNumeric =
            assertThrows(InvalidSettingsException.class, () -> Nodes.learner().configure(strings));
        assertTrue(noNumeric.getMessage().contains("no numeric column"), noNumeric.getMessage());

        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = runner.saveSettings();
        ColumnFilterSettings.include(s, "input_columns");
        runner.loadSettings(s);
        InvalidSettingsException noneSelected =
            assertThrows(InvalidSettingsException.class, () -> runner.configure(Planted.spec()));
        assertTrue(noneSelected.getMessage().contains("No numeric column is selected"), noneSelected.getMessage());
    }

    @Test
    void badSettingsAreRefusedWithTheReason() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings layers = runner.saveSettings();
        layers.addString("hidden_layers", "8, x");
        InvalidSettingsException e1 = assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(layers));
        assertTrue(e1.getMessage().contains("\"x\""), e1.getMessage());

        NodeSettings bce = runner.saveSettings();
        bce.addString("loss", "Binary cross-entropy");
        bce.addString("normalization", "Z-score");
        InvalidSettingsException e2 = assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(bce));
        assertTrue(e2.getMessage().contains("z-score"), e2.getMessage());

        NodeSettings epochs = runner.saveSettings();
        epochs.addInt("epochs", 0);
        assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(epochs));

        NodeSettings backend = runner.saveSettings();
        backend.addString("backend", "TPU");
        InvalidSettingsException e3 = assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(backend));
        assertTrue(e3.getMessage().contains("TPU"), e3.getMessage());
    }

    @Test
    void executeReportsEpochsPushesFlowVariablesAndOutputsHistory() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(runner, 4);
        s.addInt("early_stopping_patience", 0);
        runner.loadSettings(s);
        PortObject[] out = runner.execute(Planted.table(120, 0, 5));
        AutoencoderPortObject model = (AutoencoderPortObject)out[0];
        assertTrue(model.getSpec().isTrained());
        assertTrue(model.getSpec().getBackend().startsWith("CPU"), model.getSpec().getBackend());
        BufferedDataTable history = (BufferedDataTable)out[1];
        assertEquals(4, history.size());
        assertArrayEquals(new double[]{1, 2, 3, 4}, Tables.doubleColumn(history, "Epoch"));
        assertTrue(history.iterator().next().getCell(4).toString().startsWith("CPU ("),
            "the history names the backend that trained");
        assertTrue(runner.monitor().getMessages().stream().anyMatch(m -> m.startsWith("Epoch 4/4 – loss ")),
            runner.monitor().getMessages().toString());
        assertEquals(4, runner.model().peekFlowVariableInt("autoencoder_epochs"));
        double[] losses = Tables.doubleColumn(history, "Training loss");
        assertEquals(losses[3], runner.model().peekFlowVariableDouble("autoencoder_training_loss"));
        assertTrue(runner.model().peekFlowVariableString("autoencoder_backend").startsWith("CPU"));
    }

    @Test
    void skippedRowsAreReportedAsWarning() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(runner, 2);
        s.addString("missing_values", "Skip row");
        runner.loadSettings(s);
        double[][] values = new double[60][2];
        for (int i = 0; i < values.length; i++) {
            values[i][0] = i;
            values[i][1] = i % 7 == 0 ? Double.NaN : 2.0 * i;
        }
        NodeSettings cols = runner.saveSettings();
        ColumnFilterSettings.include(cols, "input_columns", "x", "y");
        runner.loadSettings(cols);
        runner.execute(Tables.doubles(new String[]{"x", "y"}, values));
        assertTrue(runner.warning() != null && runner.warning().contains("9"), String.valueOf(runner.warning()));
    }

    @Test
    void missingValuesUnderFailNameTheProblem() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(runner, 2);
        ColumnFilterSettings.include(s, "input_columns", "x");
        runner.loadSettings(s);
        double[][] values = {{1}, {2}, {Double.NaN}, {4}};
        Exception e = assertThrows(Exception.class, () -> runner.execute(Tables.doubles(new String[]{"x"}, values)));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
    }

    @Test
    void cancelDuringTrainingLeavesTheNodeResettableAndReExecutable() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(runner, 50);
        s.addInt("early_stopping_patience", 0);
        runner.loadSettings(s);
        BufferedDataTable data = Planted.table(150, 0, 6);
        runner.cancelWhen(m -> m.startsWith("Epoch 2/"));
        assertThrows(CanceledExecutionException.class, () -> runner.execute(data));
        assertTrue(runner.monitor().getMessages().stream().noneMatch(m -> m.startsWith("Epoch 3/")),
            "stopped within the epoch after the cancel: " + runner.monitor().getMessages());
        runner.reset();
        NodeRunner<NodeModel> again = new NodeRunner<>(runner.model());
        s.addInt("epochs", 3);
        again.loadSettings(s);
        PortObject[] out = again.execute(data);
        assertEquals(3, ((BufferedDataTable)out[1]).size());
    }
}
