package org.knime.core.node.streamable;

/**
 * Offline stand-in for KNIME's PortOutput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/PortOutput.java); behaviour simplified for tests.
 */
public abstract class PortOutput {

    /** Marks the output inactive. */
    public void setInactive() {
        throw new UnsupportedOperationException("Inactive outputs are not supported offline.");
    }
}
