package org.knime.core.node.streamable;

/**
 * Offline stand-in for KNIME's InputPortRole (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/InputPortRole.java); behaviour simplified for tests.
 */
public final class InputPortRole extends PortRole {

    /** Distributable and streamable. */
    public static final InputPortRole DISTRIBUTED_STREAMABLE = new InputPortRole(true, true);

    /** Distributable, not streamable. */
    public static final InputPortRole DISTRIBUTED_NONSTREAMABLE = new InputPortRole(true, false);

    /** Streamable, not distributable. */
    public static final InputPortRole NONDISTRIBUTED_STREAMABLE = new InputPortRole(false, true);

    /** Neither (the default). */
    public static final InputPortRole NONDISTRIBUTED_NONSTREAMABLE = new InputPortRole(false, false);

    private final boolean m_isStreamable;

    private InputPortRole(final boolean isDistributable, final boolean isStreamable) {
        super(isDistributable);
        m_isStreamable = isStreamable;
    }

    /** @return whether rows may be streamed into the port */
    public boolean isStreamable() {
        return m_isStreamable;
    }

    /**
     * @param isDistributable distributable
     * @param isStreamable streamable
     * @return the matching constant
     */
    public static InputPortRole get(final boolean isDistributable, final boolean isStreamable) {
        if (isDistributable) {
            return isStreamable ? DISTRIBUTED_STREAMABLE : DISTRIBUTED_NONSTREAMABLE;
        }
        return isStreamable ? NONDISTRIBUTED_STREAMABLE : NONDISTRIBUTED_NONSTREAMABLE;
    }
}
