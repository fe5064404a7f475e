package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortObjectOutput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * Offline stand-in for KNIME's NodeModel (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeModel.java); behaviour simplified for tests.
 * Flow variables pushed by the model are kept in the model and can be read back with the peek methods.
 */
public abstract class NodeModel {

    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private final Map<String, Object> m_flowVariables = new LinkedHashMap<>();

    private final NodeLogger m_logger = NodeLogger.getLogger(getClass());

    private String m_warningMessage;

    /**
     * @param nrInDataPorts number of table input ports
     * @param nrOutDataPorts number of table output ports
     */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    /**
     * @param inPortTypes input port types
     * @param outPortTypes output port types
     */
    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inPortTypes = inPortTypes.clone();
        m_outPortTypes = outPortTypes.clone();
    }

    private static PortType[] tablePorts(final int n) {
        PortType[] types = new PortType[n];
        Arrays.fill(types, BufferedDataTable.TYPE);
        return types;
    }

    /**
     * @param nodeInternDir directory with the internals
     * @param exec for progress and cancellation
     * @throws IOException on read failure
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * @param nodeInternDir directory for the internals
     * @param exec for progress and cancellation
     * @throws IOException on write failure
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** @return number of input ports */
    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    /** @return number of output ports */
    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    /** @param index port index @return the input port type */
    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    /** @param index port index @return the output port type */
    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    /** @param settings where to save the current settings */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    /**
     * @param settings settings to check without applying them
     * @throws InvalidSettingsException if they are invalid
     */
    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings validated settings to apply
     * @throws InvalidSettingsException if they cannot be applied
     */
    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param inObjects inputs
     * @param exec for progress, cancellation and tables
     * @return outputs
     * @throws Exception any failure
     */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] inTables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException("Input port " + i + " does not hold a data table. "
                    + "Likely reason: wrong version of NodeModel.execute() overwritten!");
            }
            inTables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(inTables, exec);
    }

    /**
     * @param inData input tables
     * @param exec for progress, cancellation and tables
     * @return output tables
     * @throws Exception any failure
     */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    /** Resets the model (outputs and internals are discarded). */
    protected abstract void reset();

    /** Called when the node is disposed. */
    protected void onDispose() {
        // hook
    }

    /**
     * @param inSpecs input specs (entries may be null when unknown)
     * @return output specs (entries may be null when unknown)
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] inDataSpecs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input Port " + i + " does not hold data table specs. "
                    + "Likely reason: wrong version of NodeModel.configure() overwritten!");
            }
            inDataSpecs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(inDataSpecs);
    }

    /**
     * @param inSpecs input table specs
     * @return output table specs
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /** @param warningMessage the warning to show, null to clear */
    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    /** @return the current warning or null */
    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    /** @return a logger for this node */
    protected final NodeLogger getLogger() {
        return m_logger;
    }

    /** @param name variable name @param value value */
    protected final void pushFlowVariableDouble(final String name, final double value) {
        m_flowVariables.put(requireName(name), value);
    }

    /** @param name variable name @param value value */
    protected final void pushFlowVariableInt(final String name, final int value) {
        m_flowVariables.put(requireName(name), value);
    }

    /** @param name variable name @param value value */
    protected final void pushFlowVariableString(final String name, final String value) {
        m_flowVariables.put(requireName(name), value);
    }

    private static String requireName(final String name) {
        if (name == null) {
            throw new NullPointerException("Flow variable name must not be null");
        }
        return name;
    }

    /** @param name variable name @return its value @throws NoSuchElementException if absent */
    public final double peekFlowVariableDouble(final String name) {
        return peek(name, Double.class);
    }

    /** @param name variable name @return its value @throws NoSuchElementException if absent */
    public final int peekFlowVariableInt(final String name) {
        return peek(name, Integer.class);
    }

    /** @param name variable name @return its value @throws NoSuchElementException if absent */
    public final String peekFlowVariableString(final String name) {
        return peek(name, String.class);
    }

    private <T> T peek(final String name, final Class<T> type) {
        Object v = m_flowVariables.get(name);
        if (!type.isInstance(v)) {
            throw new NoSuchElementException("No flow variable \"" + name + "\" of type " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** @return the input port roles; default: neither distributed nor streamable */
    public InputPortRole[] getInputPortRoles() {
        InputPortRole[] roles = new InputPortRole[getNrInPorts()];
        Arrays.fill(roles, InputPortRole.NONDISTRIBUTED_NONSTREAMABLE);
        return roles;
    }

    /** @return the output port roles; default: not distributed */
    public OutputPortRole[] getOutputPortRoles() {
        OutputPortRole[] roles = new OutputPortRole[getNrOutPorts()];
        Arrays.fill(roles, OutputPortRole.NONDISTRIBUTED);
        return roles;
    }

    /**
     * @param partitionInfo the partition
     * @param inSpecs input specs
     * @return an operator; the default one collects the rows and calls execute
     * @throws InvalidSettingsException if the node cannot be configured
     */
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (partitionInfo.getPartitionIndex() != 0) {
            throw new IllegalStateException("Default implementation of a streaming execution should not be "
                + "distributed (this appears to be partition " + partitionInfo.getPartitionIndex() + ")");
        }
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext ctx)
                throws Exception {
                PortObject[] in = new PortObject[inputs.length];
                for (int i = 0; i < inputs.length; i++) {
                    if (inputs[i] instanceof PortObjectInput) {
                        in[i] = ((PortObjectInput)inputs[i]).getPortObject();
                    } else if (inputs[i] instanceof RowInput) {
                        RowInput rowIn = (RowInput)inputs[i];
                        BufferedDataContainer c = ctx.createDataContainer(rowIn.getDataTableSpec());
                        DataRow r;
                        while ((r = rowIn.poll()) != null) {
                            c.addRowToTable(r);
                        }
                        c.close();
                        in[i] = c.getTable();
                    }
                }
                PortObject[] out = execute(in, ctx);
                for (int i = 0; i < outputs.length; i++) {
                    if (outputs[i] instanceof PortObjectOutput) {
                        ((PortObjectOutput)outputs[i]).setPortObject(out[i]);
                    } else if (outputs[i] instanceof RowOutput) {
                        ((RowOutput)outputs[i]).setFully((BufferedDataTable)out[i]);
                    }
                }
            }
        };
    }
}
