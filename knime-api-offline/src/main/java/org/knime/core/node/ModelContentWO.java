package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/**
 * Offline stand-in for KNIME's ModelContentWO (knime-core org.knime.core/src/eclipse/org/knime/core/node/ModelContentWO.java); behaviour simplified for tests.
 */
public interface ModelContentWO extends ConfigWO {

    /**
     * @param key key of the new sub-content
     * @return the new sub-content
     */
    ModelContentWO addModelContent(String key);

    /** @param modelContent sub-content to add under its own key */
    void addModelContent(ModelContent modelContent);
}
