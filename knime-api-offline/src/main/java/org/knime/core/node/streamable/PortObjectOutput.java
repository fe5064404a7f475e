package org.knime.core.node.streamable;

import org.knime.core.node.port.PortObject;

/**
 * Offline stand-in for KNIME's PortObjectOutput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/PortObjectOutput.java); behaviour simplified for tests.
 */
public class PortObjectOutput extends PortOutput {

    private PortObject m_portObject;

    /** @param portObject the (non-streamed) output object */
    public void setPortObject(final PortObject portObject) {
        m_portObject = portObject;
    }

    /** @return the output object */
    public PortObject getPortObject() {
        return m_portObject;
    }
}
