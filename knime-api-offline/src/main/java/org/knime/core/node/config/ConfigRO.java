package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Offline stand-in for KNIME's ConfigRO (knime-core org.knime.core/src/eclipse/org/knime/core/node/config/ConfigRO.java); behaviour simplified for tests.
 */
public interface ConfigRO extends ConfigBaseRO, Iterable<String> {

    /**
     * @param key key of a sub-config
     * @return the sub-config
     * @throws InvalidSettingsException if absent
     */
    public Config getConfig(String key) throws InvalidSettingsException;
}
