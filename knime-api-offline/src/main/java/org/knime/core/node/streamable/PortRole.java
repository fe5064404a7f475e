package org.knime.core.node.streamable;

/**
 * Offline stand-in for KNIME's PortRole (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/PortRole.java); behaviour simplified for tests.
 */
public class PortRole {

    private final boolean m_isDistributable;

    PortRole(final boolean isDistributable) {
        m_isDistributable = isDistributable;
    }

    /** @return whether the port's data may be split across partitions */
    public boolean isDistributable() {
        return m_isDistributable;
    }
}
