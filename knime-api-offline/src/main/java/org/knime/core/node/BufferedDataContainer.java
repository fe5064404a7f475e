package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.container.DataContainerSettings;

/**
 * Offline stand-in for KNIME's BufferedDataContainer (knime-core org.knime.core/src/eclipse/org/knime/core/node/BufferedDataContainer.java); behaviour simplified for tests.
 */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_table;

    BufferedDataContainer(final DataTableSpec spec, final DataContainerSettings settings) {
        super(spec, settings);
    }

    @Override
    public BufferedDataTable getTable() {
        if (!isClosed()) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        if (m_table == null) {
            m_table = new BufferedDataTable(getTableSpec(), getRows());
        }
        return m_table;
    }
}
