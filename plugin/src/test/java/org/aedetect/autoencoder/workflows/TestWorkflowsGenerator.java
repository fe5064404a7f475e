package org.aedetect.autoencoder.workflows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.aedetect.autoencoder.engine.ThresholdRule;
import org.aedetect.autoencoder.node.filter.ThresholdFilterNodeFactory;
import org.aedetect.autoencoder.node.learner.AutoencoderLearnerNodeFactory;
import org.aedetect.autoencoder.node.scorer.ReconstructionScorerNodeFactory;
import org.aedetect.autoencoder.workflows.WorkflowBuilder.NodeSpec;
import org.aedetect.autoencoder.workflows.WorkflowBuilder.Origin;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.offline.testing.ColumnFilterSettings;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.Tables;

/**
 * Writes {@code test-workflows/}: the four testflows, their data and their expected tables. The {@code model}
 * settings of our three nodes are saved by the real node models (through their factories, with the offline KNIME
 * stand-ins) after validating and loading the chosen options, so they are exactly what the nodes write and read.
 * Expected tables are computed with the engine ({@link ThresholdRule}), and the bad-input error message is the one
 * the scorer's configure actually throws. Run {@code main} to regenerate; {@code TestWorkflowsTest} checks that the
 * committed files equal what this class writes.
 */
public final class TestWorkflowsGenerator {

    static final String[] SENSORS = {"s1", "s2", "s3", "s4", "s5", "s6"};

    static final String SCORE_COLUMN = "Reconstruction error";

    static final String BASIC = "autoencoder-basic";

    static final String RULES = "threshold-rules";

    static final String BAD_INPUT = "bad-input";

    static final String MODEL_REUSE = "model-reuse";

    static final List<String> WORKFLOWS = List.of(BASIC, RULES, BAD_INPUT, MODEL_REUSE);

    /** Message pattern prefix: any text (regular expression between the _!_ markers), then the literal rest. */
    static final String ANY_PREFIX = "_!_.*_!_";

    /** Normal and planted rows of the basic data set: 2 % anomalies. */
    static final int NORMAL_ROWS = 294;

    static final int PLANTED_ROWS = 6;

    static final double CONTAMINATION = 0.02;

    /** The rules of the threshold-rules workflow: dialog label, parameter key, parameter value. */
    record RuleCase(String slug, String label, String key, double value) {
        ThresholdRule rule() {
            return switch (slug) {
                case "fixed" -> ThresholdRule.fixed(value);
                case "percentile" -> ThresholdRule.percentile(value);
                case "contamination" -> ThresholdRule.contamination(value);
                case "mean-k-sd" -> ThresholdRule.meanPlusKSd(value);
                case "median-k-mad" -> ThresholdRule.medianPlusKMad(value);
                case "iqr" -> ThresholdRule.iqr(value);
                default -> throw new IllegalArgumentException(slug);
            };
        }
    }

    static final List<RuleCase> RULE_CASES = List.of(
        new RuleCase("fixed", "Fixed value", "fixed_threshold", 0.3),
        new RuleCase("percentile", "Percentile of scores", "percentile", 90),
        new RuleCase("contamination", "Contamination rate", "contamination", 0.05),
        new RuleCase("mean-k-sd", "Mean + k standard deviations", "k_standard_deviations", 2),
        new RuleCase("median-k-mad", "Median + k MADs", "k_mads", 3),
        new RuleCase("iqr", "Interquartile range (Q3 + k IQR)", "k_iqr", 1.5));

    static final Origin KNIME_BASE = new Origin("KNIME Base Nodes", "org.knime.base", "KNIME AG, Zurich, Switzerland",
        "5.5.0", "KNIME Core", "org.knime.features.base.feature.group", "KNIME AG, Zurich, Switzerland", "5.5.0");

    static final Origin KNIME_TESTING = new Origin("Test-Node extension for KNIME Workbench", "org.knime.testing",
        "KNIME AG, Zurich, Switzerland", "5.5.0", "KNIME Testing Framework",
        "org.knime.features.testing.application.feature.group", "KNIME AG, Zurich, Switzerland", "5.5.0");

    static final Origin OURS = new Origin("Autoencoder Anomaly Detection", "org.aedetect.autoencoder", "aedetect",
        "0.1.0", "Autoencoder Anomaly Detection", "org.aedetect.autoencoder.feature.feature.group", "aedetect",
        "0.1.0");

    static final String LEARNER = AutoencoderLearnerNodeFactory.class.getName();

    static final String SCORER = ReconstructionScorerNodeFactory.class.getName();

    static final String FILTER = ThresholdFilterNodeFactory.class.getName();

    private TestWorkflowsGenerator() {
    }

    /**
     * @param args optional: the test-workflows folder (default: found from the working directory)
     * @throws Exception on failure
     */
    public static void main(final String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : defaultRoot();
        generate(root);
        System.out.println("Wrote " + WORKFLOWS + " to " + root.toAbsolutePath());
    }

    /** @return test-workflows/ of this checkout, from the repository root or from plugin/ (Maven's working dir) */
    static Path defaultRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-workflows")) && Files.isDirectory(p.resolve("plugin"))) {
                return p.resolve("test-workflows");
            }
        }
        throw new IllegalStateException("No test-workflows/ above " + here);
    }

    /**
     * Writes all workflows and data below {@code root}, replacing the workflow folders (README.md is left alone).
     *
     * @param root the test-workflows folder
     * @throws Exception on failure
     */
    static void generate(final Path root) throws Exception {
        for (String w : WORKFLOWS) {
            deleteTree(root.resolve(w));
        }
        writeBasic(root.resolve(BASIC));
        writeRules(root.resolve(RULES));
        writeBadInput(root.resolve(BAD_INPUT));
        writeModelReuse(root.resolve(MODEL_REUSE));
        Files.writeString(root.resolve("data-generator.txt"), "Data, expected tables and node settings in these "
            + "workflows are written by\nplugin/src/test/java/" + TestWorkflowsGenerator.class.getName()
                .replace('.', '/') + ".java\n(seeds fixed; regenerate with its main method).\n",
            StandardCharsets.UTF_8);
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    // ---- data ----

    /** Planted data: six sensors driven by two hidden factors; anomalies break the factor structure. */
    static List<String> plantedCsv(final boolean withLabel, final String... drop) {
        Random random = new Random(20261128L);
        double[][] loadings = {{1, 0.5}, {0.8, -0.6}, {-0.7, 0.9}, {0.3, 1.1}, {1.2, 0.2}, {-0.4, -0.8}};
        List<String> keep = new ArrayList<>(Arrays.asList(SENSORS));
        keep.removeAll(Arrays.asList(drop));
        List<String> lines = new ArrayList<>();
        lines.add("RowID," + String.join(",", keep) + (withLabel ? ",label" : ""));
        int planted = 0;
        for (int i = 0; i < NORMAL_ROWS; i++) {
            lines.add(csvRow("n" + i, factorValues(random, loadings), keep, withLabel ? "normal" : null));
            if (i % 49 == 48 && planted < PLANTED_ROWS) {
                double[] v = factorValues(random, loadings);
                int c = random.nextInt(v.length);
                v[c] += (random.nextBoolean() ? 1 : -1) * 4;
                v[(c + 3) % v.length] -= 4;
                lines.add(csvRow("a" + planted, v, keep, withLabel ? "anomaly" : null));
                planted++;
            }
        }
        return lines;
    }

    private static double[] factorValues(final Random random, final double[][] loadings) {
        double f1 = random.nextGaussian();
        double f2 = random.nextGaussian();
        double[] v = new double[loadings.length];
        for (int c = 0; c < v.length; c++) {
            // rounded to 4 decimals so the CSV text and the parsed double agree on every reader
            v[c] = Math.round((loadings[c][0] * f1 + loadings[c][1] * f2 + 0.03 * random.nextGaussian()) * 1e4) / 1e4;
        }
        return v;
    }

    private static String csvRow(final String key, final double[] v, final List<String> keep, final String label) {
        StringBuilder sb = new StringBuilder(key);
        for (int c = 0; c < SENSORS.length; c++) {
            if (keep.contains(SENSORS[c])) {
                sb.append(',').append(Math.round(v[c] * 1e4) / 1e4);
            }
        }
        if (label != null) {
            sb.append(',').append(label);
        }
        return sb.toString();
    }

    /** A fixed scored table: 200 log-normal scores and a few large ones, rounded to 6 decimals. */
    static Map<String, Double> scores() {
        Random random = new Random(7);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            double s = Math.exp(-2 + 0.5 * random.nextGaussian());
            if (i % 40 == 17) {
                s += 0.5 + random.nextDouble();
            }
            scores.put("r" + i, Math.round(s * 1e6) / 1e6);
        }
        return scores;
    }

    /** @return rows of {@link #scores()} that {@code rule} flags, in input order */
    static Map<String, Double> expectedAnomalies(final ThresholdRule rule) {
        Map<String, Double> scores = scores();
        double[] values = scores.values().stream().mapToDouble(Double::doubleValue).toArray();
        double threshold = rule.threshold(values, null);
        return scores.entrySet().stream().filter(e -> rule.isAnomaly(e.getValue(), threshold))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static void writeLines(final Path file, final List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    // ---- our nodes' settings, saved by the real node models ----

    static NodeRunner<NodeModel> runner(final String factory) throws ReflectiveOperationException {
        Object f = Class.forName(factory).getDeclaredConstructor().newInstance();
        return new NodeRunner<>(((org.knime.core.node.NodeFactory<?>)f).createNodeModel());
    }

    private static KnimeConfig saved(final NodeRunner<NodeModel> runner, final NodeSettings s) throws Exception {
        runner.loadSettings(s);
        return KnimeConfig.fromNodeSettings(runner.saveSettings(), "model");
    }

    static NodeRunner<NodeModel> configuredLearner() throws Exception {
        NodeRunner<NodeModel> learner = runner(LEARNER);
        NodeSettings s = learner.saveSettings();
        ColumnFilterSettings.include(s, "input_columns", SENSORS);
        s.addString("hidden_layers", "8, 2");
        s.addString("hidden_activation", "Tanh");
        s.addString("normalization", "Z-score");
        s.addInt("epochs", 60);
        s.addInt("batch_size", 32);
        s.addDouble("learning_rate", 0.01);
        s.addLong("seed", 42);
        s.addString("backend", "CPU");
        learner.loadSettings(s);
        return learner;
    }

    static KnimeConfig learnerModel() throws Exception {
        NodeRunner<NodeModel> learner = configuredLearner();
        return saved(learner, learner.saveSettings());
    }

    static KnimeConfig scorerModel() throws Exception {
        NodeRunner<NodeModel> scorer = runner(SCORER);
        NodeSettings s = scorer.saveSettings();
        s.addString("error_column", SCORE_COLUMN);
        return saved(scorer, s);
    }

    static KnimeConfig filterModel(final String ruleLabel, final String key, final double value) throws Exception {
        NodeRunner<NodeModel> filter = runner(FILTER);
        NodeSettings s = filter.saveSettings();
        s.addString("score_column", SCORE_COLUMN);
        s.addString("threshold_rule", ruleLabel);
        s.addDouble(key, value);
        s.addString("output_mode", "Split into anomalies and normal rows");
        return saved(filter, s);
    }

    /**
     * @return the error the scorer gives at configure time when the table lacks s6 (the learner's configure-time
     *         model spec already names its columns, so the error comes before anything executes)
     * @throws Exception if the scorer does not fail
     */
    static String missingColumnMessage() throws Exception {
        NodeRunner<NodeModel> learner = configuredLearner();
        DataTableSpec train = Tables.spec(SENSORS, types(SENSORS.length));
        PortObjectSpec model = learner.configure(train)[0];
        String[] five = Arrays.copyOf(SENSORS, 5);
        NodeRunner<NodeModel> scorer = runner(SCORER);
        scorer.loadSettings(settingsOf(scorerModel()));
        try {
            scorer.configure(model, Tables.spec(five, types(5)));
        } catch (org.knime.core.node.InvalidSettingsException e) {
            return e.getMessage();
        }
        throw new IllegalStateException("The scorer accepted a table without s6");
    }

    private static org.knime.core.data.DataType[] types(final int n) {
        org.knime.core.data.DataType[] t = new org.knime.core.data.DataType[n];
        Arrays.fill(t, DoubleCell.TYPE);
        return t;
    }

    static org.knime.core.node.NodeSettingsRO settingsOf(final KnimeConfig model) throws IOException {
        return model.toNodeSettings();
    }

    // ---- KNIME's own nodes: shapes copied from settings.xml files that KNIME 5.x saved (knime/knime-core's
    // workflow tests, org.knime.core.workflow.tests/src/org/knime/core/node/workflow/...) ----

    /** (File Reader, deprecated classic node; shape from bug5405_WorkflowLocationAfterSaveAs, saved by 5.1) */
    static KnimeConfig fileReader(final String url, final List<String> columns, final List<String> cellClasses) {
        KnimeConfig m = new KnimeConfig("model");
        m.string("DataURL", url);
        KnimeConfig delims = m.config("Delimiters");
        String[][] d = {{"\n", "true", "false", "true"}, {"\r", "true", "false", "true"}, {",", "false", "false",
            "false"}};
        for (int i = 0; i < d.length; i++) {
            KnimeConfig c = delims.config("Delim" + i);
            c.string("pattern", d[i][0]);
            c.bool("combineMultiple", Boolean.parseBoolean(d[i][1]));
            c.bool("includeInToken", Boolean.parseBoolean(d[i][2]));
            c.bool("returnAsToken", Boolean.parseBoolean(d[i][3]));
        }
        KnimeConfig quotes = m.config("Quotes");
        String[] q = {"\"", "'"};
        for (int i = 0; i < q.length; i++) {
            KnimeConfig c = quotes.config("Quote" + i);
            c.string("left", q[i]);
            c.string("right", q[i]);
            c.character("EscChar", '\\');
            c.bool("DontRem", false);
        }
        m.config("Comments");
        KnimeConfig ws = m.config("WhiteSpaces");
        ws.string("WhiteSpace0", " ");
        ws.string("WhiteSpace1", "\t");
        m.bool("CombineMultDelims", false);
        m.longValue("SkipFirstLines", 0);
        m.bool("NewLineInQuotes", false);
        m.bool("hasColHdr", true);
        m.bool("hasRowHdr", true);
        m.bool("ignoreEmptyLines", true);
        m.string("rowPrefix", "Row");
        KnimeConfig rowDelims = m.config("RowDelims");
        rowDelims.string("RDelim0", "\n");
        rowDelims.bool("SkipEmptyLine0", true);
        rowDelims.string("RDelim1", "\r");
        rowDelims.bool("SkipEmptyLine1", true);
        m.config("MissingPatterns");
        m.config("FormatParameter");
        m.string("globalMissPattern", null);
        m.character("DecimalSeparator", '.');
        m.character("ThrousandsSeparator", '\0');
        m.bool("ignEmtpyTokensAtEOR", false);
        m.bool("acceptShortLines", false);
        m.bool("uniquifyRowID", false);
        m.longValue("MaxNumOfRows", -1);
        m.integer("ColNumDetermLine", -1);
        m.string("CharsetName", null);
        m.integer("ConnectTimeoutInSeconds", 1);
        m.bool("delimsAtEOLuserVal", false);
        m.integer("numOfColumns", columns.size());
        KnimeConfig props = m.config("ColumnProperties");
        for (int i = 0; i < columns.size(); i++) {
            KnimeConfig c = props.config(Integer.toString(i));
            c.bool("UserSetValues", false);
            c.string("MissValuePattern", null);
            c.string("FormatParameter", "");
            c.bool("ReadPossValsFromFile", false);
            c.bool("SkipThisColumn", false);
            c.string("ColumnName", columns.get(i));
            KnimeConfig cls = c.config("ColumnClass");
            cls.string("cell_class", cellClasses.get(i));
            cls.bool("is_null", false);
        }
        return m;
    }

    static KnimeConfig fileReader(final String url, final List<String> doubleColumns, final boolean label) {
        List<String> cols = new ArrayList<>(doubleColumns);
        List<String> classes = new ArrayList<>();
        doubleColumns.forEach(c -> classes.add("org.knime.core.data.def.DoubleCell"));
        if (label) {
            cols.add("label");
            classes.add("org.knime.core.data.def.StringCell");
        }
        return fileReader(url, cols, classes);
    }

    /**
     * (Table Difference Checker; shape from bug5405_WorkflowLocationAfterSaveAs, saved by 5.1) port 1: table under
     * test, port 2: reference table
     */
    static KnimeConfig differenceChecker(final List<String> columns, final boolean ignoreDomain) {
        KnimeConfig m = new KnimeConfig("model");
        for (String col : columns) {
            KnimeConfig c = m.config("columnConfig_" + col);
            c.string("checkerFactory", "org.knime.testing.internal.diffcheckers.EqualityChecker$Factory");
            KnimeConfig internals = c.config("internals");
            booleanModel(internals, "ignoreColumnProperties", false);
            booleanModel(internals, "ignoreColumnElementNames", false);
            booleanModel(internals, "ignoreDomain", ignoreDomain);
            booleanModel(internals, "ignoreDomainPossibleValuesOrdering", true);
        }
        m.bool("ignoreRowIds", false);
        return m;
    }

    /** A SettingsModelBoolean as KNIME saves it: the value and its _Internals (model id, enabled status). */
    private static void booleanModel(final KnimeConfig parent, final String key, final boolean value) {
        KnimeConfig internals = parent.config(key + "_Internals");
        internals.string("SettingsModelID", "SMID_boolean");
        internals.bool("EnabledStatus", true);
        parent.bool(key, value);
    }

    /** (Testflow Configuration; shape from bugAP23528_WorkflowLoad_FolderNames_CaseIgnorant, saved by 5.4) */
    static KnimeConfig testflowConfiguration(final List<String> failingNodes, final Map<String, String> nodeWarnings) {
        KnimeConfig m = new KnimeConfig("model");
        m.string("owner", "aedetect");
        m.stringArray("requiredLogErrors");
        m.stringArray("requiredLogWarnings");
        m.stringArray("requiredLogInfos");
        m.stringArray("optionalLogMessages");
        m.stringArray("failingNodes", failingNodes.toArray(new String[0]));
        KnimeConfig warnings = m.config("requiredNodeWarnings");
        int i = 0;
        for (Map.Entry<String, String> e : nodeWarnings.entrySet()) {
            warnings.string("nodeID_" + i, e.getKey());
            warnings.string("message_" + i, e.getValue());
            i++;
        }
        warnings.integer("count", nodeWarnings.size());
        m.config("requiredNodeErrors").integer("count", 0);
        m.integer("timeout", 600);
        m.integer("maxHilitedRows", 2500);
        m.stringArray("usedJanitors");
        m.bool("streamingTest", false);
        m.bool("testNodesInComponents", true);
        m.string("requiredLoadVersion", "2.8.0");
        m.stringArray("supportedTableBackends", "org.knime.core.data.container.BufferedTableBackend");
        return m;
    }

    /** (Column Filter; shape from enhAP23936_BDTRefReaderNoCopy, saved by 5.5) */
    static KnimeConfig columnFilter(final List<String> include, final List<String> exclude) {
        KnimeConfig m = new KnimeConfig("model");
        KnimeConfig f = m.config("column-filter");
        f.string("filter-type", "STANDARD");
        f.stringArray("included_names", include.toArray(new String[0]));
        f.stringArray("excluded_names", exclude.toArray(new String[0]));
        f.string("enforce_option", "EnforceInclusion");
        KnimeConfig p = f.config("name_pattern");
        p.string("pattern", "");
        p.string("type", "Wildcard");
        p.bool("caseSensitive", true);
        p.bool("excludeMatching", false);
        f.config("datatype").config("typelist");
        return m;
    }

    /**
     * (Model Writer, deprecated PortObjectWriterNodeFactory: "filename", "overwriteOK" as its node model in
     * knime/knime-base saves them; no saved settings.xml of it was found)
     */
    static KnimeConfig modelWriter(final String url) {
        KnimeConfig m = new KnimeConfig("model");
        stringModel(m, "filename", url);
        booleanModel(m, "overwriteOK", true);
        return m;
    }

    /** A SettingsModelString as KNIME saves it: its _Internals (model id, enabled status), then the value. */
    private static void stringModel(final KnimeConfig parent, final String key, final String value) {
        KnimeConfig internals = parent.config(key + "_Internals");
        internals.string("SettingsModelID", "SMID_string");
        internals.bool("EnabledStatus", true);
        parent.string(key, value);
    }

    /** (Model Reader, deprecated PortObjectReaderNodeFactory: "filename", as its node model saves it) */
    static KnimeConfig modelReader(final String url) {
        KnimeConfig m = new KnimeConfig("model");
        stringModel(m, "filename", url);
        return m;
    }

    static final String FILE_READER = "org.knime.base.node.io.filereader.FileReaderNodeFactory";

    static final String DIFFERENCE_CHECKER = "org.knime.testing.internal.nodes.differ.DifferenceCheckerNodeFactory";

    static final String TESTFLOW_CONFIGURATION = "org.knime.testing.node.config.TestConfigNodeFactory";

    static final String COLUMN_FILTER = "org.knime.base.node.preproc.filter.column.DataColumnSpecFilterNodeFactory";

    static final String MODEL_WRITER = "org.knime.base.node.io.portobject.PortObjectWriterNodeFactory";

    static final String MODEL_READER = "org.knime.base.node.io.portobject.PortObjectReaderNodeFactory";

    static String dataUrl(final String file) {
        return "knime://knime.workflow/data/" + file;
    }

    /** Data output ports of KNIME's nodes used here (ours are asked, see {@link #outPorts}). */
    static final Map<String, Integer> KNIME_OUT_PORTS = Map.of(FILE_READER, 1, DIFFERENCE_CHECKER, 0,
        TESTFLOW_CONFIGURATION, 0, COLUMN_FILTER, 1, MODEL_WRITER, 0, MODEL_READER, 1);

    /** @return the number of data output ports: from our node model, or as listed for KNIME's nodes */
    static int outPorts(final String factory) throws ReflectiveOperationException {
        if (KNIME_OUT_PORTS.containsKey(factory)) {
            return KNIME_OUT_PORTS.get(factory);
        }
        java.lang.reflect.Method m = NodeModel.class.getDeclaredMethod("getNrOutPorts");
        m.setAccessible(true);
        return (int)m.invoke(runner(factory).model());
    }

    /** Deprecated in KNIME 5.x (knime-base's plugin.xml): KNIME shows and saves their names with " (deprecated)". */
    static final List<String> DEPRECATED = List.of(FILE_READER, MODEL_WRITER, MODEL_READER);

    /**
     * Adds a node; a Model Reader is saved IDLE, since it cannot be configured before the writer has written its file.
     */
    private static NodeSpec node(final WorkflowBuilder w, final int id, final String name, final String factory,
        final Origin origin, final KnimeConfig model, final int x, final int y) throws ReflectiveOperationException {
        return node(w, id, name, factory, origin, model, x, y, MODEL_READER.equals(factory) ? "IDLE" : "CONFIGURED");
    }

    private static NodeSpec node(final WorkflowBuilder w, final int id, final String name, final String factory,
        final Origin origin, final KnimeConfig model, final int x, final int y, final String state)
        throws ReflectiveOperationException {
        String shown = DEPRECATED.contains(factory) ? name + " (deprecated)" : name;
        return w.node(id, shown, factory, origin, model, x, y, outPorts(factory), state);
    }

    // ---- the workflows ----

    private static NodeSpec config(final WorkflowBuilder w, final List<String> failing,
        final Map<String, String> warnings) throws ReflectiveOperationException {
        return node(w, 1, "Testflow Configuration", TESTFLOW_CONFIGURATION, KNIME_TESTING,
            testflowConfiguration(failing, warnings), 40, 40);
    }

    static void writeBasic(final Path dir) throws Exception {
        List<String> data = plantedCsv(true);
        writeLines(dir.resolve("data/planted.csv"), data);
        List<String> expected = new ArrayList<>(List.of("RowID,label"));
        data.stream().skip(1).filter(l -> l.endsWith(",anomaly")).forEach(l -> expected.add(l.split(",")[0]
            + ",anomaly"));
        writeLines(dir.resolve("data/expected-anomalies.csv"), expected);

        WorkflowBuilder w = new WorkflowBuilder("autoencoder-basic: File Reader -> Autoencoder Learner -> "
            + "Reconstruction Scorer -> Threshold Filter (contamination " + CONTAMINATION + ") on " + NORMAL_ROWS
            + " normal rows and " + PLANTED_ROWS + " planted anomalies. The anomaly output, reduced to its label "
            + "column, must equal data/expected-anomalies.csv: exactly the planted rows.");
        config(w, List.of(), Map.of());
        NodeSpec reader = node(w, 2, "File Reader", FILE_READER, KNIME_BASE,
            fileReader(dataUrl("planted.csv"), List.of(SENSORS), true), 40, 160);
        NodeSpec learner = node(w, 3, "Autoencoder Learner", LEARNER, OURS, learnerModel(), 200, 160);
        NodeSpec scorer = node(w, 4, "Reconstruction Scorer", SCORER, OURS, scorerModel(), 360, 200);
        NodeSpec filter = node(w, 5, "Threshold Filter", FILTER, OURS,
            filterModel("Contamination rate", "contamination", CONTAMINATION), 520, 200);
        NodeSpec columns = node(w, 6, "Column Filter", COLUMN_FILTER, KNIME_BASE,
            columnFilter(List.of("label"), concat(SENSORS, SCORE_COLUMN)), 680, 200);
        NodeSpec expectedReader = node(w, 7, "File Reader", FILE_READER, KNIME_BASE,
            fileReader(dataUrl("expected-anomalies.csv"), List.of(), true), 680, 320);
        NodeSpec checker = node(w, 8, "Table Difference Checker", DIFFERENCE_CHECKER, KNIME_TESTING,
            differenceChecker(List.of("label"), true), 840, 260);
        w.connect(reader, 1, learner, 1).connect(learner, 1, scorer, 1).connect(reader, 1, scorer, 2)
            .connect(scorer, 1, filter, 1).connect(filter, 1, columns, 1).connect(columns, 1, checker, 1)
            .connect(expectedReader, 1, checker, 2);
        w.write(dir);
    }

    private static List<String> concat(final String[] a, final String... b) {
        List<String> l = new ArrayList<>(Arrays.asList(a));
        l.addAll(Arrays.asList(b));
        return l;
    }

    static void writeRules(final Path dir) throws Exception {
        List<String> scored = new ArrayList<>(List.of("RowID," + SCORE_COLUMN));
        scores().forEach((k, v) -> scored.add(k + "," + v));
        writeLines(dir.resolve("data/scored.csv"), scored);

        StringBuilder description = new StringBuilder("threshold-rules: one Threshold Filter per rule on the fixed "
            + "scored table data/scored.csv (200 rows); each anomaly output must equal data/expected-<rule>.csv. "
            + "Expected anomaly counts:");
        for (RuleCase r : RULE_CASES) {
            Map<String, Double> expected = expectedAnomalies(r.rule());
            List<String> lines = new ArrayList<>(List.of("RowID," + SCORE_COLUMN));
            expected.forEach((k, v) -> lines.add(k + "," + v));
            writeLines(dir.resolve("data/expected-" + r.slug() + ".csv"), lines);
            description.append(' ').append(r.slug()).append('=').append(expected.size()).append(';');
        }
        WorkflowBuilder w = new WorkflowBuilder(description.toString());
        config(w, List.of(), Map.of());
        NodeSpec reader = node(w, 2, "File Reader", FILE_READER, KNIME_BASE,
            fileReader(dataUrl("scored.csv"), List.of(SCORE_COLUMN), false), 40, 160);
        for (int i = 0; i < RULE_CASES.size(); i++) {
            RuleCase r = RULE_CASES.get(i);
            int y = 160 + 120 * i;
            NodeSpec filter = node(w, 3 + 3 * i, "Threshold Filter", FILTER, OURS,
                filterModel(r.label(), r.key(), r.value()), 240, y);
            NodeSpec expected = node(w, 4 + 3 * i, "File Reader", FILE_READER, KNIME_BASE,
                fileReader(dataUrl("expected-" + r.slug() + ".csv"), List.of(SCORE_COLUMN), false), 240, y + 60);
            NodeSpec checker = node(w, 5 + 3 * i, "Table Difference Checker", DIFFERENCE_CHECKER, KNIME_TESTING,
                differenceChecker(List.of(SCORE_COLUMN), true), 440, y);
            w.connect(reader, 1, filter, 1).connect(filter, 1, checker, 1).connect(expected, 1, checker, 2);
        }
        w.write(dir);
    }

    static void writeBadInput(final Path dir) throws Exception {
        writeLines(dir.resolve("data/train.csv"), plantedCsv(false));
        writeLines(dir.resolve("data/missing-s6.csv"), plantedCsv(false, "s6"));
        String message = missingColumnMessage();
        WorkflowBuilder w = new WorkflowBuilder("bad-input: the Reconstruction Scorer gets a table without column "
            + "s6, which the model was trained on. Expected: node #5 cannot be configured, so it never executes, and "
            + "shows the documented message: " + message);
        // KNIME turns an InvalidSettingsException from configure into a WARNING status on the node with the
        // exception's message and no prefix, logged at WARN (knime-core Node#configure:
        // createMessageAwareWarningAndNotify(null, ise)); the node stays unexecuted. Hence "failing node" plus
        // "required node warning", not a required error. "_!_<regex>_!_<text>" is the testing framework's message
        // pattern (text around _!_..._!_ literal, the middle a regular expression), so the same pattern matches the
        // node status and the log line if the log adds a prefix.
        config(w, List.of("5"), Map.of("5", ANY_PREFIX + message));
        NodeSpec train = node(w, 2, "File Reader", FILE_READER, KNIME_BASE,
            fileReader(dataUrl("train.csv"), List.of(SENSORS), false), 40, 160);
        NodeSpec learner = node(w, 3, "Autoencoder Learner", LEARNER, OURS, learnerModel(), 200, 160);
        NodeSpec bad = node(w, 4, "File Reader", FILE_READER, KNIME_BASE,
            fileReader(dataUrl("missing-s6.csv"), List.of(Arrays.copyOf(SENSORS, 5)), false), 200, 300);
        // saved IDLE: its configure fails as soon as the learner's model spec is there
        NodeSpec scorer = node(w, 5, "Reconstruction Scorer", SCORER, OURS, scorerModel(), 360, 220, "IDLE");
        w.connect(train, 1, learner, 1).connect(learner, 1, scorer, 1).connect(bad, 1, scorer, 2);
        w.write(dir);
    }

    static void writeModelReuse(final Path dir) throws Exception {
        writeLines(dir.resolve("data/planted.csv"), plantedCsv(true));
        String modelUrl = "knime://knime.workflow/data/autoencoder.model";
        WorkflowBuilder w = new WorkflowBuilder("model-reuse: Autoencoder Learner -> Model Writer -> Model Reader "
            + "-> Reconstruction Scorer. The scores from the model read back from the file must equal the scores "
            + "from the learner's model directly (Table Difference Checker, all columns, exact).");
        config(w, List.of(), Map.of());
        NodeSpec reader = node(w, 2, "File Reader", FILE_READER, KNIME_BASE,
            fileReader(dataUrl("planted.csv"), List.of(SENSORS), true), 40, 160);
        NodeSpec learner = node(w, 3, "Autoencoder Learner", LEARNER, OURS, learnerModel(), 200, 160);
        NodeSpec writer = node(w, 4, "Model Writer", MODEL_WRITER, KNIME_BASE, modelWriter(modelUrl), 360, 100);
        NodeSpec modelReader = node(w, 5, "Model Reader", MODEL_READER, KNIME_BASE, modelReader(modelUrl), 520, 100);
        NodeSpec direct = node(w, 6, "Reconstruction Scorer", SCORER, OURS, scorerModel(), 520, 260);
        NodeSpec fromFile = node(w, 7, "Reconstruction Scorer", SCORER, OURS, scorerModel(), 680, 140);
        NodeSpec checker = node(w, 8, "Table Difference Checker", DIFFERENCE_CHECKER, KNIME_TESTING,
            differenceChecker(concat(concat(SENSORS, "label").toArray(new String[0]), SCORE_COLUMN), false), 840,
            200);
        w.connect(reader, 1, learner, 1).connect(learner, 1, writer, 1)
            // flow variable port (0) to flow variable port: the reader runs after the writer has written
            .connect(writer, 0, modelReader, 0)
            .connect(learner, 1, direct, 1).connect(reader, 1, direct, 2)
            .connect(modelReader, 1, fromFile, 1).connect(reader, 1, fromFile, 2)
            .connect(fromFile, 1, checker, 1).connect(direct, 1, checker, 2);
        w.write(dir);
    }
}
