package org.knime.core.node.streamable.simple;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.StreamableFunction;

/**
 * Offline stand-in for KNIME's SimpleStreamableFunctionNodeModel (knime-core
 * org.knime.core/src/eclipse/org/knime/core/node/streamable/simple/SimpleStreamableFunctionNodeModel.java);
 * behaviour simplified for tests.
 */
public abstract class SimpleStreamableFunctionNodeModel extends NodeModel {

    private final int m_streamableInPortIdx;

    private final int m_streamableOutPortIdx;

    /** One table in, one table out. */
    public SimpleStreamableFunctionNodeModel() {
        super(1, 1);
        m_streamableInPortIdx = 0;
        m_streamableOutPortIdx = 0;
    }

    /**
     * @param inPortTypes input port types
     * @param outPortTypes output port types
     * @param streamableInPortIdx the streamed (table) input port
     * @param streamableOutPortIdx the streamed (table) output port
     */
    public SimpleStreamableFunctionNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes,
        final int streamableInPortIdx, final int streamableOutPortIdx) {
        super(inPortTypes, outPortTypes);
        m_streamableInPortIdx = streamableInPortIdx;
        m_streamableOutPortIdx = streamableOutPortIdx;
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        BufferedDataTable in = inData[0];
        ColumnRearranger r = createColumnRearranger(in.getDataTableSpec());
        return new BufferedDataTable[]{exec.createColumnRearrangeTable(in, r, exec)};
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        return new DataTableSpec[]{createColumnRearranger(inSpecs[0]).createSpec()};
    }

    /** @return whether the streamed port may be distributed */
    protected boolean isDistributable() {
        return true;
    }

    @Override
    public InputPortRole[] getInputPortRoles() {
        InputPortRole[] in = new InputPortRole[getNrInPorts()];
        Arrays.fill(in, InputPortRole.NONDISTRIBUTED_NONSTREAMABLE);
        in[m_streamableInPortIdx] =
            isDistributable() ? InputPortRole.DISTRIBUTED_STREAMABLE : InputPortRole.NONDISTRIBUTED_STREAMABLE;
        return in;
    }

    @Override
    public OutputPortRole[] getOutputPortRoles() {
        OutputPortRole[] out = new OutputPortRole[getNrOutPorts()];
        Arrays.fill(out, OutputPortRole.NONDISTRIBUTED);
        out[m_streamableOutPortIdx] = isDistributable() ? OutputPortRole.DISTRIBUTED : OutputPortRole.NONDISTRIBUTED;
        return out;
    }

    /**
     * @param spec the input spec
     * @return the column changes
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected abstract ColumnRearranger createColumnRearranger(final DataTableSpec spec)
        throws InvalidSettingsException;

    /** @return the streamed input port */
    protected int getStreamableInPortIdx() {
        return m_streamableInPortIdx;
    }

    /** @return the streamed output port */
    public int getStreamableOutPortIdx() {
        return m_streamableOutPortIdx;
    }

    @Override
    public StreamableFunction createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[m_streamableInPortIdx];
        ColumnRearranger rearranger;
        try {
            rearranger = createColumnRearranger(in);
        } catch (RuntimeException | InvalidSettingsException e) {
            throw new InvalidSettingsException("The node is not configured correctly.", e);
        }
        return rearranger.createStreamableFunction(m_streamableInPortIdx, m_streamableOutPortIdx);
    }

    @Override
    protected void reset() {
        // possibly overwritten
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // possibly overwritten
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // possibly overwritten
    }
}
