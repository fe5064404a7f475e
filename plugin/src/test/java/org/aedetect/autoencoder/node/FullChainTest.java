package org.aedetect.autoencoder.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.Tables;

/** Learner -> Scorer -> Filter on tables with planted anomalies, as a user would wire them. */
class FullChainTest {

    @Test
    void plantedAnomaliesLandInTheAnomalyOutput() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        BufferedDataTable test = Planted.table(400, 12, 2);

        NodeRunner<NodeModel> scorer = Nodes.scorer();
        BufferedDataTable scored = Nodes.table(scorer.execute(model, test), 0);
        assertEquals(test.size(), scored.size());

        NodeRunner<NodeModel> filter = Nodes.filter();
        NodeSettings s = filter.saveSettings();
        s.addString("threshold_rule", "Contamination rate");
        s.addDouble("contamination", 0.05);
        filter.loadSettings(s);
        PortObject[] out = filter.execute(scored, null);
        Set<String> anomalies = Set.copyOf(Tables.rowKeys(Nodes.table(out, 0)));
        List<String> planted = Tables.rowKeys(test).stream().filter(k -> k.startsWith("a")).collect(Collectors.toList());
        assertEquals(12, planted.size());
        assertTrue(anomalies.containsAll(planted), "all planted rows flagged; flagged: " + anomalies);
        assertEquals(test.size(), anomalies.size() + Nodes.table(out, 1).size());
        assertEquals(anomalies.size(), filter.model().peekFlowVariableInt("anomaly_count"));
        assertTrue(filter.warning() == null, "no warning: " + filter.warning());
    }

    @Test
    void trainingQuantileRuleUsesTheModelAtTheSecondPort() throws Exception {
        AutoencoderPortObject model = Nodes.trainedModel();
        BufferedDataTable test = Planted.table(300, 8, 3);
        BufferedDataTable scored = Nodes.table(Nodes.scorer().execute(model, test), 0);
        NodeRunner<NodeModel> filter = Nodes.filter();
        NodeSettings s = filter.saveSettings();
        s.addString("threshold_rule", "Quantile of training errors");
        s.addDouble("training_quantile", 1.0);
        s.addString("output_mode", "Append anomaly column");
        filter.loadSettings(s);
        BufferedDataTable flagged = Nodes.table(filter.execute(scored, model), 0);
        assertEquals(test.size(), flagged.size());
        assertEquals(0, Nodes.table(filter.execute(scored, model), 1).size());
        int anomalyIndex = flagged.getDataTableSpec().findColumnIndex("Anomaly");
        for (var row : flagged) {
            if (row.getKey().getString().startsWith("a")) {
                assertEquals("true", row.getCell(anomalyIndex).toString(), "planted row " + row.getKey());
            }
        }
        double threshold = filter.model().peekFlowVariableDouble("anomaly_threshold");
        assertEquals(model.getModel().trainingErrors().quantile(1.0), threshold, 1e-12);
    }
}
