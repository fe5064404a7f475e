package org.knime.core.node.streamable;

import org.knime.core.node.port.PortObject;

/**
 * Offline stand-in for KNIME's PortObjectInput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/PortObjectInput.java); behaviour simplified for tests.
 */
public class PortObjectInput extends PortInput {

    private final PortObject m_portObject;

    /** @param portObject the (non-streamed) input object */
    public PortObjectInput(final PortObject portObject) {
        m_portObject = portObject;
    }

    /** @return the input object */
    public PortObject getPortObject() {
        return m_portObject;
    }
}
