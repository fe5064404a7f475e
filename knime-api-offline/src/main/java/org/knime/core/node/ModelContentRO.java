package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/**
 * Offline stand-in for KNIME's ModelContentRO (knime-core org.knime.core/src/eclipse/org/knime/core/node/ModelContentRO.java); behaviour simplified for tests.
 */
public interface ModelContentRO extends ConfigRO {

    /**
     * @param key key of a sub-content
     * @return the sub-content
     * @throws InvalidSettingsException if absent
     */
    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
