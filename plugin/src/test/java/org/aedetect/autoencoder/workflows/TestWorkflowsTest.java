package org.aedetect.autoencoder.workflows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.aedetect.autoencoder.workflows.TestWorkflowsGenerator.RuleCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.PortObjectRoundTrip;
import org.knime.offline.testing.Tables;

/**
 * Checks test-workflows/ without KNIME: the files are what {@link TestWorkflowsGenerator} writes, every
 * workflow.knime and settings.xml is well-formed KNIME XMLConfig, every node of ours names an existing factory
 * registered in plugin.xml whose node model validates and loads the saved settings, connections join existing
 * nodes and ports, and the expected outcomes hold when the same settings run in our node models on the shipped data
 * (with the offline KNIME stand-ins; KNIME's own nodes are replaced by reading the CSV files directly).
 * {@code -Dregenerate.workflows=true} rewrites the committed files first.
 */
class TestWorkflowsTest {

    private static final String OUR_BUNDLE = "org.aedetect.autoencoder";

    /** KNIME's nodes used here, with their data port counts (in, out): not checkable offline beyond this. */
    private static final Map<String, int[]> KNIME_NODES = Map.of(
        TestWorkflowsGenerator.FILE_READER, new int[]{0, 1},
        TestWorkflowsGenerator.DIFFERENCE_CHECKER, new int[]{2, 0},
        TestWorkflowsGenerator.TESTFLOW_CONFIGURATION, new int[]{0, 0},
        TestWorkflowsGenerator.COLUMN_FILTER, new int[]{1, 1},
        TestWorkflowsGenerator.MODEL_WRITER, new int[]{1, 0},
        TestWorkflowsGenerator.MODEL_READER, new int[]{0, 1});

    private static Path root;

    /** A node as read from a workflow folder. */
    record LoadedNode(int id, String folder, KnimeConfig settings) {
        String factory() {
            return settings.getString("factory");
        }

        boolean ours() {
            return OUR_BUNDLE.equals(settings.getString("node-bundle-symbolic-name"));
        }

        KnimeConfig model() {
            return settings.getConfig("model");
        }
    }

    @BeforeAll
    static void locate() throws Exception {
        root = TestWorkflowsGenerator.defaultRoot();
        if (Boolean.getBoolean("regenerate.workflows")) {
            TestWorkflowsGenerator.generate(root);
        }
    }

    static List<String> workflows() {
        return TestWorkflowsGenerator.WORKFLOWS;
    }

    @Test
    void committedFilesAreWhatTheGeneratorWrites(@TempDir final Path tmp) throws Exception {
        TestWorkflowsGenerator.generate(tmp);
        Map<String, String> expected = files(tmp);
        Map<String, String> actual = files(root);
        actual.remove("README.md");
        // written when model-reuse runs in KNIME (git-ignored)
        actual.remove(TestWorkflowsGenerator.MODEL_REUSE + "/data/autoencoder.model");
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        Set<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        assertTrue(missing.isEmpty() && extra.isEmpty(), "test-workflows/ differs from the generator's output: "
            + "missing " + missing + ", not generated " + extra + "; regenerate with -Dregenerate.workflows=true");
        for (String f : expected.keySet()) {
            assertEquals(expected.get(f), actual.get(f), f + " differs from the generator's output; regenerate "
                + "with -Dregenerate.workflows=true");
        }
    }

    private static Map<String, String> files(final Path dir) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                result.put(dir.relativize(p).toString().replace('\\', '/'),
                    Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    @Test
    void allFourWorkflowsExist() {
        for (String w : workflows()) {
            assertTrue(Files.isRegularFile(root.resolve(w).resolve("workflow.knime")), w);
        }
    }

    /** Reads workflow.knime and every node's settings.xml, checking the structure KNIME's loader expects. */
    static Map<Integer, LoadedNode> load(final String workflow) throws IOException {
        Path dir = root.resolve(workflow);
        KnimeConfig wf = KnimeConfig.read(dir.resolve("workflow.knime"));
        assertEquals("workflow.knime", wf.key());
        assertNotNull(wf.getString("version"));
        Map<Integer, LoadedNode> nodes = new HashMap<>();
        for (KnimeConfig n : wf.getConfig("nodes").subConfigs()) {
            int id = n.getInt("id");
            assertEquals("node_" + id, n.key());
            assertEquals("NativeNode", n.getString("node_type"));
            String file = n.getString("node_settings_file");
            String folder = file.substring(0, file.indexOf('/'));
            assertEquals("settings.xml", file.substring(folder.length() + 1));
            Path settingsFile = dir.resolve(folder).resolve("settings.xml");
            assertTrue(Files.isRegularFile(settingsFile), workflow + ": missing " + file);
            KnimeConfig s = KnimeConfig.read(settingsFile);
            assertEquals("settings.xml", s.key());
            for (String key : List.of("factory", "node-name", "node-bundle-name", "node-bundle-symbolic-name",
                "node-bundle-vendor", "node-bundle-version", "node-feature-symbolic-name", "state", "name")) {
                assertNotNull(s.getString(key), workflow + "/" + file + ": " + key);
            }
            assertTrue(s.hasConfig("model"), file);
            assertEquals(s.getString("node-name") + " (#" + id + ")", folder, "folder name = \"<Node Name> (#id)\"");
            assertTrue(nodes.put(id, new LoadedNode(id, folder, s)) == null, "duplicate id " + id);
        }
        assertFalse(nodes.isEmpty());
        return nodes;
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void ourNodesNameExistingRegisteredFactories(final String workflow) throws Exception {
        String pluginXml = Files.readString(root.getParent().resolve("plugin/plugin.xml"));
        for (LoadedNode n : load(workflow).values()) {
            if (n.ours()) {
                Class<?> c = Class.forName(n.factory());
                assertTrue(NodeFactory.class.isAssignableFrom(c), n.factory());
                assertTrue(pluginXml.contains("factory-class=\"" + n.factory() + "\""), n.factory() + " registered");
                assertEquals(ports(n)[1], n.settings().getConfig("ports").subConfigs().size(),
                    n.folder() + ": one ports entry per output port");
            } else {
                assertTrue(KNIME_NODES.containsKey(n.factory()), "unknown KNIME node " + n.factory());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void ourNodesSettingsValidateLoadAndSaveUnchanged(final String workflow) throws Exception {
        int ours = 0;
        for (LoadedNode n : load(workflow).values()) {
            if (!n.ours()) {
                continue;
            }
            NodeRunner<NodeModel> runner = TestWorkflowsGenerator.runner(n.factory());
            // validateSettings, then loadValidatedSettingsFrom, as KNIME does when it loads a workflow
            runner.loadSettings(n.model().toNodeSettings());
            NodeSettings saved = runner.saveSettings();
            assertEquals(n.model().toXml(), KnimeConfig.fromNodeSettings(saved, "model").toXml(),
                workflow + "/" + n.folder() + ": settings change when loaded and saved again");
            ours++;
        }
        assertTrue(ours > 0);
    }

    @Test
    void settingsWithAMissingKeyAreRefused() throws Exception {
        LoadedNode learner = load(TestWorkflowsGenerator.BASIC).get(3);
        KnimeConfig broken = KnimeConfig.read(root.resolve(TestWorkflowsGenerator.BASIC)
            .resolve(learner.folder()).resolve("settings.xml")).getConfig("model");
        broken.children().remove("epochs");
        assertThrows(InvalidSettingsException.class,
            () -> TestWorkflowsGenerator.runner(learner.factory()).loadSettings(broken.toNodeSettings()));
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void connectionsJoinExistingNodesAndPorts(final String workflow) throws Exception {
        Map<Integer, LoadedNode> nodes = load(workflow);
        KnimeConfig wf = KnimeConfig.read(root.resolve(workflow).resolve("workflow.knime"));
        Set<String> usedInputs = new HashSet<>();
        Set<Integer> connectedInputs = new HashSet<>();
        for (KnimeConfig c : wf.getConfig("connections").subConfigs()) {
            LoadedNode source = nodes.get(c.getInt("sourceID"));
            LoadedNode dest = nodes.get(c.getInt("destID"));
            assertNotNull(source, workflow + ": " + c.key() + " source");
            assertNotNull(dest, workflow + ": " + c.key() + " destination");
            int sourcePort = c.getInt("sourcePort");
            int destPort = c.getInt("destPort");
            // port 0 is every node's flow variable port; data ports count from 1
            assertTrue(sourcePort >= 0 && sourcePort <= ports(source)[1], workflow + ": " + c.key() + " source port");
            assertTrue(destPort >= 0 && destPort <= ports(dest)[0], workflow + ": " + c.key() + " destination port");
            assertTrue(usedInputs.add(dest.id() + ":" + destPort), workflow + ": input port used twice");
            connectedInputs.add(dest.id());
        }
        for (LoadedNode n : nodes.values()) {
            if (n.ours() && !n.factory().equals(TestWorkflowsGenerator.FILTER)) {
                assertEquals(ports(n)[0], usedInputs.stream().filter(u -> u.startsWith(n.id() + ":")).count(),
                    workflow + ": all inputs of " + n.folder() + " connected");
            }
        }
    }

    /** @return data port counts {in, out} */
    private static int[] ports(final LoadedNode n) throws Exception {
        if (!n.ours()) {
            return KNIME_NODES.get(n.factory());
        }
        NodeModel model = TestWorkflowsGenerator.runner(n.factory()).model();
        return new int[]{(int)call(model, "getNrInPorts"), (int)call(model, "getNrOutPorts")};
    }

    private static Object call(final NodeModel model, final String method) throws Exception {
        Method m = NodeModel.class.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(model);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void fileReadersPointAtShippedFilesWithMatchingColumns(final String workflow) throws Exception {
        for (LoadedNode n : load(workflow).values()) {
            if (!n.factory().equals(TestWorkflowsGenerator.FILE_READER)) {
                continue;
            }
            String url = n.model().getString("DataURL");
            String prefix = "knime://knime.workflow/";
            assertTrue(url.startsWith(prefix), url);
            Path file = root.resolve(workflow).resolve(url.substring(prefix.length()));
            assertTrue(Files.isRegularFile(file), file.toString());
            String[] header = Files.readAllLines(file).get(0).split(",");
            KnimeConfig props = n.model().getConfig("ColumnProperties");
            assertEquals(header.length - 1, n.model().getInt("numOfColumns"));
            for (int i = 1; i < header.length; i++) {
                assertEquals(header[i], props.getConfig(Integer.toString(i - 1)).getString("ColumnName"));
            }
        }
    }

    // ---- the expected outcomes, with our node models on the shipped data ----

    /** Reads our CSV files: RowID first, "label" as string, every other column as double. */
    static BufferedDataTable csv(final Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            cols.add(new DataColumnSpecCreator(header[i], "label".equals(header[i]) ? StringCell.TYPE
                : DoubleCell.TYPE).createSpec());
        }
        DataTableSpec spec = new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
        List<DataRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            DataCell[] cells = new DataCell[v.length - 1];
            for (int i = 1; i < v.length; i++) {
                cells[i - 1] = "label".equals(header[i]) ? new StringCell(v[i]) : new DoubleCell(
                    Double.parseDouble(v[i]));
            }
            rows.add(new DefaultRow(v[0], cells));
        }
        return Tables.table(spec, rows);
    }

    private static NodeRunner<NodeModel> loaded(final LoadedNode n) throws Exception {
        NodeRunner<NodeModel> runner = TestWorkflowsGenerator.runner(n.factory());
        runner.loadSettings(n.model().toNodeSettings());
        return runner;
    }

    private static Path data(final String workflow, final String file) {
        return root.resolve(workflow).resolve("data").resolve(file);
    }

    @Test
    void basicWorkflowFlagsExactlyThePlantedRows() throws Exception {
        Map<Integer, LoadedNode> nodes = load(TestWorkflowsGenerator.BASIC);
        BufferedDataTable input = csv(data(TestWorkflowsGenerator.BASIC, "planted.csv"));
        NodeRunner<NodeModel> learner = loaded(nodes.get(3));
        NodeRunner<NodeModel> scorer = loaded(nodes.get(4));
        NodeRunner<NodeModel> filter = loaded(nodes.get(5));
        AutoencoderPortObject model = (AutoencoderPortObject)learner.execute(input)[0];
        BufferedDataTable scored = (BufferedDataTable)scorer.execute(model, input)[0];
        PortObject[] split = filter.execute(scored, null);
        // the testflow declares no node warnings: KNIME's runner fails on unexpected ones
        for (NodeRunner<NodeModel> r : List.of(learner, scorer, filter)) {
            assertEquals(null, r.warning(), "node warning");
        }
        List<String> expected = Tables.rowKeys(csv(data(TestWorkflowsGenerator.BASIC, "expected-anomalies.csv")));
        assertEquals(TestWorkflowsGenerator.PLANTED_ROWS, expected.size());
        assertEquals(expected, Tables.rowKeys((BufferedDataTable)split[0]));
        assertEquals(input.size() - expected.size(), ((BufferedDataTable)split[1]).size());
    }

    @Test
    void ruleWorkflowExpectationsMatchTheFilterNode() throws Exception {
        Map<Integer, LoadedNode> nodes = load(TestWorkflowsGenerator.RULES);
        BufferedDataTable scored = csv(data(TestWorkflowsGenerator.RULES, "scored.csv"));
        Set<Long> counts = new HashSet<>();
        for (int i = 0; i < TestWorkflowsGenerator.RULE_CASES.size(); i++) {
            RuleCase r = TestWorkflowsGenerator.RULE_CASES.get(i);
            LoadedNode filter = nodes.get(3 + 3 * i);
            assertEquals(r.label(), filter.model().getString("threshold_rule"));
            NodeRunner<NodeModel> runner = loaded(filter);
            BufferedDataTable anomalies = (BufferedDataTable)runner.execute(scored, null)[0];
            assertEquals(null, runner.warning(), r.slug() + ": node warning");
            BufferedDataTable expected = csv(data(TestWorkflowsGenerator.RULES, "expected-" + r.slug() + ".csv"));
            assertEquals(Tables.rowKeys(expected), Tables.rowKeys(anomalies), r.slug());
            assertTrue(expected.size() > 0 && expected.size() < scored.size(), r.slug() + ": a real split");
            assertArrayEquals(Tables.doubleColumn(expected, TestWorkflowsGenerator.SCORE_COLUMN),
                Tables.doubleColumn(anomalies, TestWorkflowsGenerator.SCORE_COLUMN), r.slug());
            counts.add(expected.size());
        }
        assertTrue(counts.size() > 2, "the rules give different counts: " + counts);
    }

    @Test
    void badInputWorkflowExpectsTheScorersActualMessage() throws Exception {
        Map<Integer, LoadedNode> nodes = load(TestWorkflowsGenerator.BAD_INPUT);
        KnimeConfig config = nodes.get(1).model();
        assertEquals(List.of("5"), config.getStringArray("failingNodes"));
        // a configure-time InvalidSettingsException is a warning status in KNIME, and the node stays unexecuted
        assertEquals(0, config.getConfig("requiredNodeErrors").getInt("count"));
        KnimeConfig warnings = config.getConfig("requiredNodeWarnings");
        assertEquals(1, warnings.getInt("count"));
        assertEquals("5", warnings.getString("nodeID_0"));
        String pattern = warnings.getString("message_0");
        assertTrue(pattern.startsWith(TestWorkflowsGenerator.ANY_PREFIX), pattern);
        String expected = pattern.substring(TestWorkflowsGenerator.ANY_PREFIX.length());
        assertTrue(expected.contains("\"s6\""), expected);

        BufferedDataTable train = csv(data(TestWorkflowsGenerator.BAD_INPUT, "train.csv"));
        BufferedDataTable bad = csv(data(TestWorkflowsGenerator.BAD_INPUT, "missing-s6.csv"));
        NodeRunner<NodeModel> learner = loaded(nodes.get(3));
        var modelSpec = learner.configure(train.getDataTableSpec())[0];
        NodeRunner<NodeModel> scorer = loaded(nodes.get(5));
        InvalidSettingsException atConfigure = assertThrows(InvalidSettingsException.class,
            () -> scorer.configure(modelSpec, bad.getDataTableSpec()));
        assertEquals(expected, atConfigure.getMessage());
        AutoencoderPortObject model = (AutoencoderPortObject)learner.execute(train)[0];
        Exception atExecute = assertThrows(Exception.class, () -> scorer.execute(model, bad));
        assertEquals(expected, atExecute.getMessage());
    }

    @Test
    void modelReuseWorkflowScoresTheSameAfterSerialization() throws Exception {
        Map<Integer, LoadedNode> nodes = load(TestWorkflowsGenerator.MODEL_REUSE);
        assertEquals(nodes.get(4).model().getString("filename"), nodes.get(5).model().getString("filename"));
        BufferedDataTable input = csv(data(TestWorkflowsGenerator.MODEL_REUSE, "planted.csv"));
        AutoencoderPortObject model = (AutoencoderPortObject)loaded(nodes.get(3)).execute(input)[0];
        AutoencoderPortObject read = PortObjectRoundTrip.roundTrip(model);
        NodeRunner<NodeModel> directScorer = loaded(nodes.get(6));
        BufferedDataTable direct = (BufferedDataTable)directScorer.execute(model, input)[0];
        assertEquals(null, directScorer.warning());
        BufferedDataTable fromFile = (BufferedDataTable)loaded(nodes.get(7)).execute(read, input)[0];
        double[] a = Tables.doubleColumn(direct, TestWorkflowsGenerator.SCORE_COLUMN);
        double[] b = Tables.doubleColumn(fromFile, TestWorkflowsGenerator.SCORE_COLUMN);
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                fail("row " + i + ": " + a[i] + " direct, " + b[i] + " after serialization");
            }
        }
        assertTrue(direct.getDataTableSpec().getColumnSpec(TestWorkflowsGenerator.SCORE_COLUMN).getType()
            .isCompatible(DoubleValue.class));
    }
}
