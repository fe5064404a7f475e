package org.knime.core.node.streamable;

import org.knime.core.node.ExecutionContext;

/**
 * Offline stand-in for KNIME's StreamableOperator (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/StreamableOperator.java); behaviour simplified for tests.
 */
public abstract class StreamableOperator {

    /**
     * @param inputs the inputs (RowInput for streamed ports, PortObjectInput otherwise)
     * @param outputs the outputs (RowOutput for table ports, PortObjectOutput otherwise)
     * @param exec for progress and cancellation
     * @throws Exception any failure
     */
    public abstract void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
        throws Exception;
}
