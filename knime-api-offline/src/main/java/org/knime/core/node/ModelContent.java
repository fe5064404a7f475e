package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Offline stand-in for KNIME's ModelContent (knime-core org.knime.core/src/eclipse/org/knime/core/node/ModelContent.java); behaviour simplified for tests.
 */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    /** @param key the key of this content */
    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    /**
     * @param in XML written by {@link #saveToXML(java.io.OutputStream)}; not closed
     * @return the content
     * @throws IOException if the XML cannot be read
     */
    public static synchronized ModelContentRO loadFromXML(final InputStream in) throws IOException {
        ModelContent c = new ModelContent("tmp");
        c.loadXML(in);
        return c;
    }

    @Override
    public void addModelContent(final ModelContent modelContent) {
        addConfigBaseEntry(modelContent);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof ModelContent)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" is not a model content.");
        }
        return (ModelContent)c;
    }
}
