package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/**
 * Offline stand-in for KNIME's ConfigWO (knime-core org.knime.core/src/eclipse/org/knime/core/node/config/ConfigWO.java); behaviour simplified for tests.
 */
public interface ConfigWO extends ConfigBaseWO {

    /**
     * @param key key of the new sub-config
     * @return the new sub-config
     */
    public Config addConfig(String key);
}
