package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Offline stand-in for KNIME's NodeSettings (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeSettings.java); behaviour simplified for tests.
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    /** @param key the key of these settings */
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    /**
     * @param in XML written by {@link #saveToXML(java.io.OutputStream)}; not closed
     * @return the settings
     * @throws IOException if the XML cannot be read
     */
    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        NodeSettings s = new NodeSettings("tmp");
        s.loadXML(in);
        return s;
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        addConfigBaseEntry(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof NodeSettings)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" is not a settings object.");
        }
        return (NodeSettings)c;
    }
}
