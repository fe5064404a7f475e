package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.node.ExecutionContext;

/**
 * Offline stand-in for KNIME's StreamableFunction (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/StreamableFunction.java); behaviour simplified for tests.
 */
public abstract class StreamableFunction extends StreamableOperator {

    private final int m_inportIndex;

    private final int m_outportIndex;

    /** A function from port 0 to port 0. */
    protected StreamableFunction() {
        this(0, 0);
    }

    /**
     * @param inportIdx the streamed input port
     * @param outportIdx the streamed output port
     */
    protected StreamableFunction(final int inportIdx, final int outportIdx) {
        m_inportIndex = inportIdx;
        m_outportIndex = outportIdx;
    }

    @Override
    public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext ctx)
        throws Exception {
        RowInput rowInput = (RowInput)inputs[m_inportIndex];
        RowOutput rowOutput = (RowOutput)outputs[m_outportIndex];
        init(ctx);
        try {
            DataRow inputRow;
            for (long index = 0L; (inputRow = rowInput.poll()) != null; index++) {
                ctx.checkCanceled();
                rowOutput.push(compute(inputRow, index));
            }
            rowInput.close();
            rowOutput.close();
        } finally {
            finish();
        }
    }

    /**
     * @param ctx the context
     * @throws Exception any failure
     */
    public void init(final ExecutionContext ctx) throws Exception {
        // hook
    }

    /**
     * @param input an input row
     * @return the output row
     * @throws Exception any failure
     */
    public DataRow compute(final DataRow input) throws Exception {
        throw new UnsupportedOperationException("No implementation for either of the compute methods provided.");
    }

    /**
     * @param input an input row
     * @param rowIndex its index
     * @return the output row
     * @throws Exception any failure
     */
    public DataRow compute(final DataRow input, final long rowIndex) throws Exception {
        return compute(input);
    }

    /** Called after the last row. */
    public void finish() {
        // hook
    }
}
