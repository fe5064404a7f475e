package org.aedetect.autoencoder.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainerSettings;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.ExecutionContext;

/**
 * Containers for rows under an input table's own keys (the input's rows themselves, or cells to be joined to them):
 * those keys are unique already, so KNIME's check for duplicate keys (a set of every key, spilled to disk on large
 * tables) is off; domains start from the spec, as with {@code createDataContainer(spec)}.
 */
public final class InputKeyedContainer {

    private InputKeyedContainer() {
    }

    /**
     * @param exec the node's context
     * @param spec the rows' spec
     * @return a new, open container
     */
    public static BufferedDataContainer create(final ExecutionContext exec, final DataTableSpec spec) {
        // built on each call: in KNIME the builder starts from the workflow's current settings
        return exec.createDataContainer(spec,
            DataContainerSettings.builder().withInitializedDomain(true).withCheckDuplicateRowKeys(false).build());
    }
}
