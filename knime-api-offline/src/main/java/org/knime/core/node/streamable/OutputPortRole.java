package org.knime.core.node.streamable;

/**
 * Offline stand-in for KNIME's OutputPortRole (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/OutputPortRole.java); behaviour simplified for tests.
 */
public final class OutputPortRole extends PortRole {

    /** Distributable output. */
    public static final OutputPortRole DISTRIBUTED = new OutputPortRole(true);

    /** Non-distributable output (the default). */
    public static final OutputPortRole NONDISTRIBUTED = new OutputPortRole(false);

    private OutputPortRole(final boolean isDistributable) {
        super(isDistributable);
    }
}
