package org.knime.core.node.streamable;

/**
 * Offline stand-in for KNIME's PortInput (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/PortInput.java); behaviour simplified for tests.
 */
public abstract class PortInput {

    /**
     * @return whether the input is inactive
     * @throws InterruptedException if interrupted
     */
    public boolean isInactive() throws InterruptedException {
        return false;
    }
}
