package org.aedetect.autoencoder.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.aedetect.autoencoder.node.filter.ThresholdFilterNodeFactory;
import org.aedetect.autoencoder.node.learner.AutoencoderLearnerNodeFactory;
import org.aedetect.autoencoder.node.scorer.ReconstructionScorerNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.offline.testing.DialogInspector;
import org.knime.offline.testing.NodeRunner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The node descriptions: KNIME's v4.1 namespace, valid against KNIME's v4.1 and v5.3 schemas, an existing 16x16
 * icon, and the same options as the dialog and the settings.
 */
class NodeDescriptionTest {

    private static final String NS_41 = "http://knime.org/node/v4.1";

    private static final String NS_53 = "http://knime.org/node/v5.3";

    static Stream<Arguments> nodes() throws Exception {
        DataTableSpec table = Planted.spec();
        PortObjectSpec model = Nodes.learner().configure(table)[0];
        return Stream.of(
            Arguments.of(new AutoencoderLearnerNodeFactory(), new PortObjectSpec[]{table}, List.of("Input columns")),
            Arguments.of(new ReconstructionScorerNodeFactory(), new PortObjectSpec[]{model, table}, List.of()),
            Arguments.of(new ThresholdFilterNodeFactory(), new PortObjectSpec[]{table, null}, List.of()));
    }

    private static Document description(final NodeFactory<?> factory) throws Exception {
        String name = factory.getClass().getSimpleName() + ".xml";
        URL url = factory.getClass().getResource(name);
        assertNotNull(url, name + " next to the factory");
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        try (InputStream in = url.openStream()) {
            return dbf.newDocumentBuilder().parse(in);
        }
    }

    private static String text(final NodeFactory<?> factory) throws Exception {
        try (InputStream in = factory.getClass().getResourceAsStream(factory.getClass().getSimpleName() + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** KNIME's schemas, copied to shared/knime/schemas next to the worktree; null where that folder is absent. */
    private static Path schemaDir() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("knime").resolve("schemas");
            if (Files.isRegularFile(candidate.resolve("Node_v4.1.xsd"))) {
                return candidate;
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void usesTheV41NamespaceAndValidatesAgainstKnimeSchemas(final NodeFactory<?> factory) throws Exception {
        assertEquals(NS_41, description(factory).getDocumentElement().getNamespaceURI());
        Path schemas = schemaDir();
        assumeTrue(schemas != null, "KNIME's node description schemas (shared/knime/schemas) are not available");
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        String xml = text(factory);
        sf.newSchema(schemas.resolve("Node_v4.1.xsd").toFile()).newValidator()
            .validate(new StreamSource(new StringReader(xml)));
        // the v5.3 schema has its own namespace: the same content must be valid under it too
        sf.newSchema(schemas.resolve("Node_v5.3.xsd").toFile()).newValidator()
            .validate(new StreamSource(new StringReader(xml.replace(NS_41, NS_53))));
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void iconExistsAndIs16x16(final NodeFactory<?> factory) throws Exception {
        String icon = description(factory).getDocumentElement().getAttribute("icon");
        URL url = factory.getClass().getResource(icon.replaceFirst("^\\./", ""));
        assertNotNull(url, icon);
        BufferedImage image = ImageIO.read(url);
        assertEquals(16, image.getWidth());
        assertEquals(16, image.getHeight());
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void portsAndViewsAreTheNodesOwn(final NodeFactory<?> factory) throws Exception {
        Document doc = description(factory);
        NodeModel model = (NodeModel)factory.createNodeModel();
        assertEquals(invoke(NodeModel.class, model, "getNrInPorts"),
            doc.getElementsByTagNameNS(NS_41, "inPort").getLength(), "input ports");
        assertEquals(invoke(NodeModel.class, model, "getNrOutPorts"),
            doc.getElementsByTagNameNS(NS_41, "outPort").getLength(), "output ports");
        assertEquals(invoke(NodeFactory.class, factory, "getNrNodeViews"),
            doc.getElementsByTagNameNS(NS_41, "view").getLength(), "views");
    }

    private static Object invoke(final Class<?> declaring, final Object target, final String method)
        throws Exception {
        Method m = declaring.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void everyOptionIsInTheDialogAndTheSettingsAndViceVersa(final NodeFactory<?> factory,
        final PortObjectSpec[] specs, final List<String> unlabelledOptions) throws Exception {
        Document doc = description(factory);
        List<String> options = new ArrayList<>();
        NodeList optionElements = doc.getElementsByTagNameNS(NS_41, "option");
        for (int i = 0; i < optionElements.getLength(); i++) {
            options.add(((Element)optionElements.item(i)).getAttribute("name"));
        }
        NodeDialogPane dialog = dialog(factory);
        List<String> labels = new ArrayList<>(DialogInspector.labels(dialog));
        labels.addAll(unlabelledOptions);
        assertEquals(new TreeSet<>(options), new TreeSet<>(labels), "options in the XML vs labels in the dialog");
        assertEquals(options.size(), labels.size(), "no duplicates");

        NodeList tabs = doc.getElementsByTagNameNS(NS_41, "tab");
        if (tabs.getLength() > 0) {
            List<String> tabNames = new ArrayList<>();
            for (int i = 0; i < tabs.getLength(); i++) {
                tabNames.add(((Element)tabs.item(i)).getAttribute("name"));
            }
            assertEquals(tabNames, DialogInspector.tabTitles(dialog));
        }

        NodeRunner<NodeModel> runner = new NodeRunner<>((NodeModel)factory.createNodeModel());
        NodeSettings modelSettings = runner.saveSettings();
        Set<String> modelKeys = keys(modelSettings);
        assertEquals(options.size(), modelKeys.size(), "one setting per option: " + modelKeys);
        load(dialog, modelSettings, specs);
        NodeSettings fromDialog = new NodeSettings("dialog");
        save(dialog, fromDialog);
        assertEquals(modelKeys, keys(fromDialog), "the dialog saves exactly the model's settings");
        runner.loadSettings(fromDialog);
    }

    private static Set<String> keys(final NodeSettings settings) {
        Set<String> keys = new TreeSet<>(settings.keySet());
        keys.removeIf(k -> k.endsWith(SettingsModel.CFGKEY_INTERNAL));
        return keys;
    }

    private static NodeDialogPane dialog(final NodeFactory<?> factory) throws Exception {
        Method m = NodeFactory.class.getDeclaredMethod("createNodeDialogPane");
        m.setAccessible(true);
        return (NodeDialogPane)m.invoke(factory);
    }

    private static void load(final NodeDialogPane dialog, final NodeSettings settings, final PortObjectSpec[] specs)
        throws Exception {
        Method m = NodeDialogPane.class.getDeclaredMethod("loadSettingsFrom", org.knime.core.node.NodeSettingsRO.class,
            PortObjectSpec[].class);
        m.setAccessible(true);
        m.invoke(dialog, settings, specs);
    }

    private static void save(final NodeDialogPane dialog, final NodeSettings settings) throws Exception {
        Method m = NodeDialogPane.class.getDeclaredMethod("saveSettingsTo", org.knime.core.node.NodeSettingsWO.class);
        m.setAccessible(true);
        m.invoke(dialog, settings);
    }

    @Test
    void pluginXmlRegistersTheNodesUnderOneCommunityCategory() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        Document plugin;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("plugin.xml")) {
            plugin = dbf.newDocumentBuilder().parse(in);
        }
        Element category = (Element)plugin.getElementsByTagName("category").item(0);
        assertEquals("/community", category.getAttribute("path"));
        assertEquals("autoencoder-anomaly", category.getAttribute("level-id"));
        NodeList nodes = plugin.getElementsByTagName("node");
        List<String> factories = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element)nodes.item(i);
            assertEquals("/community/autoencoder-anomaly", node.getAttribute("category-path"));
            factories.add(node.getAttribute("factory-class"));
            assertTrue(NodeFactory.class.isAssignableFrom(Class.forName(node.getAttribute("factory-class"))));
        }
        assertEquals(List.of(AutoencoderLearnerNodeFactory.class.getName(),
            ReconstructionScorerNodeFactory.class.getName(), ThresholdFilterNodeFactory.class.getName()), factories);
    }
}
