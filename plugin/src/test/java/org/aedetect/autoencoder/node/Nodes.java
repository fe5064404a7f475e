package org.aedetect.autoencoder.node;

import java.util.ArrayList;
import java.util.List;

import org.aedetect.autoencoder.node.filter.ThresholdFilterNodeFactory;
import org.aedetect.autoencoder.node.learner.AutoencoderLearnerNodeFactory;
import org.aedetect.autoencoder.node.scorer.ReconstructionScorerNodeFactory;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.DataContainerSettings;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.ColumnFilterSettings;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.Tables;

/** Creates the three nodes through their factories, as KNIME does, and a small model trained once per test JVM. */
public final class Nodes {

    private static AutoencoderPortObject trained;

    private Nodes() {
    }

    /** @return a runner on a new learner model */
    public static NodeRunner<NodeModel> learner() {
        return new NodeRunner<>(new AutoencoderLearnerNodeFactory().createNodeModel());
    }

    /** @return a runner on a new scorer model */
    public static NodeRunner<NodeModel> scorer() {
        return new NodeRunner<>(new ReconstructionScorerNodeFactory().createNodeModel());
    }

    /**
     * The rows of {@code table}, every one under the key {@code key}. KNIME never hands a node such a table (its
     * tables' keys are unique); tests use it to show that a node does not check again the keys it copies.
     */
    public static BufferedDataTable withRepeatedKey(final BufferedDataTable table, final String key) {
        List<DataRow> rows = new ArrayList<>();
        for (DataRow row : table) {
            List<DataCell> cells = new ArrayList<>();
            row.forEach(cells::add);
            rows.add(new DefaultRow(key, cells));
        }
        return Tables.table(table.getDataTableSpec(),
            DataContainerSettings.builder().withCheckDuplicateRowKeys(false).build(), rows);
    }

    /** @return a runner on a new filter model */
    public static NodeRunner<NodeModel> filter() {
        return new NodeRunner<>(new ThresholdFilterNodeFactory().createNodeModel());
    }

    /**
     * Learner settings for the planted-anomaly tables: the six sensor columns, an 8-2 tanh network on z-scores, few epochs.
     *
     * @param runner a learner runner
     * @param epochs epochs to train
     * @return the settings, loaded into the learner
     * @throws Exception if the settings are refused
     */
    public static NodeSettings fastLearnerSettings(final NodeRunner<NodeModel> runner, final int epochs)
        throws Exception {
        NodeSettings s = runner.saveSettings();
        ColumnFilterSettings.include(s, "input_columns", Planted.SENSORS);
        s.addString("hidden_layers", "8, 2");
        s.addString("hidden_activation", "Tanh");
        s.addString("normalization", "Z-score");
        s.addInt("epochs", epochs);
        s.addInt("batch_size", 32);
        s.addDouble("learning_rate", 0.01);
        s.addString("backend", "CPU");
        runner.loadSettings(s);
        return s;
    }

    /**
     * @return a model trained on 500 normal planted rows (shared; training it once keeps the tests fast)
     * @throws Exception on failure
     */
    public static synchronized AutoencoderPortObject trainedModel() throws Exception {
        if (trained == null) {
            NodeRunner<NodeModel> learner = learner();
            fastLearnerSettings(learner, 60);
            PortObject[] out = learner.execute(Planted.table(500, 0, 1));
            trained = (AutoencoderPortObject)out[0];
        }
        return trained;
    }

    /**
     * @param runner a runner
     * @param key a settings key
     * @param value a string value
     * @throws Exception if refused
     */
    public static void set(final NodeRunner<NodeModel> runner, final String key, final String value)
        throws Exception {
        NodeSettings s = runner.saveSettings();
        s.addString(key, value);
        runner.loadSettings(s);
    }

    /**
     * @param out outputs of an execution
     * @param index a table output index
     * @return the table
     */
    public static BufferedDataTable table(final PortObject[] out, final int index) {
        return (BufferedDataTable)out[index];
    }
}
