package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Offline stand-in for KNIME's NodeSettingsWO (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeSettingsWO.java); behaviour simplified for tests.
 */
public interface NodeSettingsWO extends ConfigWO {

    /**
     * @param key key of the new sub-settings
     * @return the new sub-settings
     */
    NodeSettingsWO addNodeSettings(String key);

    /** @param settings sub-settings to add under their own key */
    void addNodeSettings(NodeSettings settings);
}
