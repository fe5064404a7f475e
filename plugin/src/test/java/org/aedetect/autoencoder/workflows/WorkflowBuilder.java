package org.aedetect.autoencoder.workflows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one workflow folder in KNIME's on-disk format: {@code workflow.knime} with its {@code nodes} and
 * {@code connections} blocks, and one folder {@code "<Node Name> (#<id>)"} per node holding its
 * {@code settings.xml}. The keys, their order and the indentation follow workflows saved by KNIME AP 5.1 to 5.5 (the
 * workflow tests in knime/knime-core, org.knime.core.workflow.tests, e.g. bug5405_WorkflowLocationAfterSaveAs); the
 * nodes are saved unexecuted (no port data), so KNIME configures and executes them after loading.
 */
final class WorkflowBuilder {

    /** Where a node comes from: bundle and feature, as recorded in settings.xml. */
    record Origin(String bundleName, String bundleSymbolicName, String bundleVendor, String bundleVersion,
        String featureName, String featureSymbolicName, String featureVendor, String featureVersion) {
    }

    /**
     * A node of the workflow: {@code outPorts} data output ports; {@code state} CONFIGURED, or IDLE for a node that
     * cannot be configured when the workflow is loaded.
     */
    record NodeSpec(int id, String name, String factory, Origin origin, KnimeConfig model, int x, int y,
        int outPorts, String state) {
        String folder() {
            return name + " (#" + id + ")";
        }
    }

    /** A connection; port 0 is a node's flow variable port, data ports count from 1. */
    record Connection(int sourceId, int sourcePort, int destId, int destPort) {
    }

    /** KNIME version recorded as the writer, in workflow.knime's created_by (5.5 saved workflows say 5.5.0.*). */
    static final String CREATED_BY = "5.5.0";

    /**
     * Workflow format version in workflow.knime: 5.1.0 is what KNIME 5.1 to 5.11 write (knime-core's
     * FileWorkflowPersistor.VERSION_LATEST = LoadVersion.V5100; workflows saved by 5.1 and 5.5 in knime-core's tests).
     */
    static final String FORMAT_VERSION = "5.1.0";

    private final String m_description;

    private final List<NodeSpec> m_nodes = new ArrayList<>();

    private final List<Connection> m_connections = new ArrayList<>();

    WorkflowBuilder(final String description) {
        m_description = description;
    }

    NodeSpec node(final int id, final String name, final String factory, final Origin origin,
        final KnimeConfig model, final int x, final int y, final int outPorts) {
        return node(id, name, factory, origin, model, x, y, outPorts, "CONFIGURED");
    }

    NodeSpec node(final int id, final String name, final String factory, final Origin origin,
        final KnimeConfig model, final int x, final int y, final int outPorts, final String state) {
        NodeSpec n = new NodeSpec(id, name, factory, origin, model, x, y, outPorts, state);
        m_nodes.add(n);
        return n;
    }

    WorkflowBuilder connect(final NodeSpec source, final int sourcePort, final NodeSpec dest, final int destPort) {
        m_connections.add(new Connection(source.id(), sourcePort, dest.id(), destPort));
        return this;
    }

    void write(final Path dir) throws IOException {
        workflowKnime().write(dir.resolve("workflow.knime"));
        for (NodeSpec n : m_nodes) {
            settingsXml(n).write(dir.resolve(n.folder()).resolve("settings.xml"));
        }
    }

    private KnimeConfig workflowKnime() {
        KnimeConfig w = new KnimeConfig("workflow.knime");
        w.string("created_by", CREATED_BY);
        w.bool("created_by_nightly", false);
        w.string("version", FORMAT_VERSION);
        w.string("name", null);
        KnimeConfig author = w.config("authorInformation");
        author.string("authored-by", "aedetect");
        author.string("authored-when", "2026-11-28 00:00:00 +0000");
        w.string("customDescription", null);
        w.string("state", "CONFIGURED");
        w.config("workflow_credentials");
        KnimeConfig annotations = w.config("annotations");
        KnimeConfig a = annotations.config("annotation_0");
        a.string("text", m_description);
        a.string("contentType", "text/plain");
        a.integer("bgcolor", 16777215);
        a.integer("x-coordinate", 20);
        a.integer("y-coordinate", -120);
        a.integer("width", 600);
        a.integer("height", 120);
        a.string("alignment", "LEFT");
        a.integer("borderSize", 10);
        a.integer("borderColor", 16766976);
        a.integer("defFontSize", -1);
        a.integer("annotation-version", 20230412);
        a.config("styles");
        KnimeConfig nodes = w.config("nodes");
        for (NodeSpec n : m_nodes) {
            KnimeConfig c = nodes.config("node_" + n.id());
            c.integer("id", n.id());
            c.string("node_settings_file", n.folder() + "/settings.xml");
            c.bool("node_is_meta", false);
            c.string("node_type", "NativeNode");
            c.string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            c.config("ui_settings").intArray("extrainfo.node.bounds", n.x(), n.y(), 90, 80);
        }
        KnimeConfig connections = w.config("connections");
        for (int i = 0; i < m_connections.size(); i++) {
            Connection con = m_connections.get(i);
            KnimeConfig c = connections.config("connection_" + i);
            c.integer("sourceID", con.sourceId());
            c.integer("destID", con.destId());
            c.integer("sourcePort", con.sourcePort());
            c.integer("destPort", con.destPort());
        }
        KnimeConfig editor = w.config("workflow_editor_settings");
        editor.bool("workflow.editor.snapToGrid", true);
        editor.bool("workflow.editor.ShowGrid", false);
        editor.integer("workflow.editor.gridX", 20);
        editor.integer("workflow.editor.gridY", 20);
        editor.entry("workflow.editor.zoomLevel", "xdouble", "1.0");
        editor.bool("workflow.editor.curvedConnections", false);
        editor.integer("workflow.editor.connectionWidth", 1);
        return w;
    }

    private static KnimeConfig settingsXml(final NodeSpec n) {
        KnimeConfig s = new KnimeConfig("settings.xml");
        s.string("node_file", "settings.xml");
        s.config("flow_stack");
        s.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        KnimeConfig model = new KnimeConfig("model");
        n.model().children().forEach((k, v) -> model.children().put(k, v));
        s.add(model);
        s.config("variables");
        s.string("customDescription", null);
        s.string("state", n.state());
        s.string("factory", n.factory());
        s.string("node-name", n.name());
        Origin o = n.origin();
        s.string("node-bundle-name", o.bundleName());
        s.string("node-bundle-symbolic-name", o.bundleSymbolicName());
        s.string("node-bundle-vendor", o.bundleVendor());
        s.string("node-bundle-version", o.bundleVersion());
        s.string("node-feature-name", o.featureName());
        s.string("node-feature-symbolic-name", o.featureSymbolicName());
        s.string("node-feature-vendor", o.featureVendor());
        s.string("node-feature-version", o.featureVersion());
        s.config("factory_settings");
        s.string("name", n.name());
        s.bool("hasContent", false);
        s.bool("isInactive", false);
        KnimeConfig ports = s.config("ports");
        for (int i = 1; i <= n.outPorts(); i++) {
            KnimeConfig port = ports.config("port_" + i);
            port.integer("index", i);
            port.string("port_dir_location", null);
        }
        KnimeConfig filestores = s.config("filestores");
        filestores.string("file_store_location", null);
        filestores.string("file_store_id", null);
        return s;
    }
}
