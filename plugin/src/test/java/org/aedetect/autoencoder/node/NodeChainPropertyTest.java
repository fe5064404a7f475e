package org.aedetect.autoencoder.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.Tables;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random small, dirty tables through the Scorer and the Threshold Filter with random rules: the Scorer keeps
 * every row in order and gives each a finite score or a missing one with a warning; the Filter's two outputs
 * partition its input, each in input order.
 */
class NodeChainPropertyTest {

    private static final String ERROR = "Reconstruction error";

    private static final String[] RULES = {"Percentile of scores", "Contamination rate", "Fixed value",
        "Mean + k standard deviations", "Median + k MADs", "Interquartile range (Q3 + k IQR)",
        "Quantile of training errors"};

    private static final String[] MISSING = {"Treat as normal", "Treat as anomaly"};

    private static AutoencoderPortObject model;

    /** A small model of its own (3 epochs on 100 rows): the properties need a model, not a good one. */
    private static synchronized AutoencoderPortObject model() throws Exception {
        if (model == null) {
            NodeRunner<NodeModel> learner = Nodes.learner();
            Nodes.fastLearnerSettings(learner, 3);
            model = (AutoencoderPortObject)learner.execute(Planted.table(100, 0, 3))[0];
        }
        return model;
    }

    record Case(List<double[]> rows, String rule, String missingScores, boolean append) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.doubles().between(-3, 3)),
            Tuple.of(3, Arbitraries.just(Double.NaN)), Tuple.of(2, Arbitraries.of(1e30, -1e38, 1e-300, 0.0)));
        Arbitrary<List<double[]>> rows = value.array(double[].class).ofSize(Planted.SENSORS.length).list()
            .ofMinSize(0).ofMaxSize(25);
        return Combinators.combine(rows, Arbitraries.of(RULES), Arbitraries.of(MISSING), Arbitraries.of(true, false))
            .as(Case::new);
    }

    /** The planted layout (id, s1..s6, count) with the given sensor values; NaN alternates missing cell / NaN. */
    private static BufferedDataTable table(final List<double[]> values) {
        DataTableSpec spec = Planted.spec();
        List<DataRow> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            DataCell[] cells = new DataCell[spec.getNumColumns()];
            cells[0] = new StringCell("id" + r);
            for (int c = 0; c < Planted.SENSORS.length; c++) {
                double v = values.get(r)[c];
                cells[c + 1] = Double.isNaN(v) && (r + c) % 2 == 0 ? DataType.getMissingCell() : new DoubleCell(v);
            }
            cells[cells.length - 1] = new IntCell(r);
            rows.add(new DefaultRow(RowKey.createRowKey((long)r), cells));
        }
        return Tables.table(spec, rows);
    }

    @Property(tries = 30)
    void scorerKeepsRowsAndScoresSoundlyAndFilterPartitions(@ForAll("cases") final Case c) throws Exception {
        AutoencoderPortObject model = model();
        BufferedDataTable input = table(c.rows());
        NodeRunner<NodeModel> scorer = Nodes.scorer();
        BufferedDataTable scored = Nodes.table(scorer.execute(model, input), 0);

        List<String> keys = Tables.rowKeys(input);
        assertEquals(keys, Tables.rowKeys(scored), "row count and order preserved");
        double[] scores = Tables.doubleColumn(scored, ERROR);
        int missing = 0;
        for (int r = 0; r < scores.length; r++) {
            boolean hasMissing = java.util.Arrays.stream(c.rows().get(r)).anyMatch(Double::isNaN);
            if (hasMissing) {
                missing++;
                assertTrue(Double.isNaN(scores[r]), "a row with a missing value gets a missing score");
            } else {
                assertTrue(Double.isFinite(scores[r]), "row " + r + ": " + scores[r]);
            }
        }
        if (missing > 0) {
            assertNotNull(scorer.warning(), "missing scores come with a warning");
            assertTrue(scorer.warning().startsWith(missing + " row(s) have missing values"), scorer.warning());
        }

        NodeRunner<NodeModel> filter = Nodes.filter();
        NodeSettings s = filter.saveSettings();
        s.addString("threshold_rule", c.rule());
        s.addString("missing_scores", c.missingScores());
        s.addString("output_mode", c.append() ? "Append anomaly column" : "Split into anomalies and normal rows");
        filter.loadSettings(s);
        boolean noScores = java.util.Arrays.stream(scores).allMatch(Double::isNaN);
        boolean scoreRule = !c.rule().equals("Fixed value") && !c.rule().equals("Quantile of training errors");
        PortObject[] out;
        try {
            out = filter.execute(scored, model);
        } catch (IllegalArgumentException e) {
            assertTrue(noScores && scoreRule && e.getMessage().contains("scores are missing"), e.getMessage());
            return;
        }
        BufferedDataTable first = Nodes.table(out, 0);
        BufferedDataTable second = Nodes.table(out, 1);
        if (c.append()) {
            assertEquals(keys, Tables.rowKeys(first), "append mode keeps every row in order");
            assertEquals(0, second.size());
            return;
        }
        List<String> anomalies = Tables.rowKeys(first);
        List<String> normal = Tables.rowKeys(second);
        Set<String> union = new HashSet<>(anomalies);
        union.addAll(normal);
        assertEquals(keys.size(), anomalies.size() + normal.size(), "no row lost or duplicated");
        assertEquals(new HashSet<>(keys), union, "the outputs partition the input");
        assertEquals(keys.stream().filter(anomalies::contains).toList(), anomalies, "anomalies in input order");
        assertEquals(keys.stream().filter(normal::contains).toList(), normal, "normal rows in input order");
        for (int r = 0; r < scores.length; r++) {
            if (Double.isNaN(scores[r])) {
                assertEquals(c.missingScores().equals("Treat as anomaly"), anomalies.contains(keys.get(r)));
            }
        }
    }
}
