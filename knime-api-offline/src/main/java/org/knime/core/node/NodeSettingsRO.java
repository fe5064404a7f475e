package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/**
 * Offline stand-in for KNIME's NodeSettingsRO (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeSettingsRO.java); behaviour simplified for tests.
 */
public interface NodeSettingsRO extends ConfigRO {

    /**
     * @param key key of a sub-settings object
     * @return the sub-settings
     * @throws InvalidSettingsException if absent
     */
    NodeSettingsRO getNodeSettings(String key) throws InvalidSettingsException;
}
