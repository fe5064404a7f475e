package org.knime.offline.testing;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Predicate;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.streamable.BufferedDataTableRowOutput;
import org.knime.core.node.streamable.DataTableRowInput;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortObjectOutput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * Drives a {@link NodeModel} the way KNIME's framework does: settings are validated before they are loaded,
 * configure runs before execute, the warning is cleared before each run, and the specs of the executed outputs
 * must match what configure promised. The model's protected methods are called reflectively, as the framework
 * calls them from its own package.
 *
 * @param <M> the model class
 */
public final class NodeRunner<M extends NodeModel> {

    private final M m_model;

    private DefaultNodeProgressMonitor m_monitor = new DefaultNodeProgressMonitor();

    private PortObjectSpec[] m_configuredSpecs;

    /** @param model the model to drive */
    public NodeRunner(final M model) {
        m_model = model;
    }

    /** @return the model */
    public M model() {
        return m_model;
    }

    /** @return the progress monitor of the last/next execution (progress, messages, cancel) */
    public DefaultNodeProgressMonitor monitor() {
        return m_monitor;
    }

    /**
     * Makes the next execution cancel itself as soon as a progress message matches.
     *
     * @param whenMessage condition on progress messages
     * @return this
     */
    public NodeRunner<M> cancelWhen(final Predicate<String> whenMessage) {
        m_monitor = new DefaultNodeProgressMonitor() {
            @Override
            public synchronized void setMessage(final String message) {
                super.setMessage(message);
                if (message != null && whenMessage.test(message)) {
                    setExecuteCanceled();
                }
            }
        };
        return this;
    }

    /** @return the model's current settings, as KNIME would save them */
    public NodeSettings saveSettings() {
        NodeSettings s = new NodeSettings("model");
        invoke("saveSettingsTo", new Class<?>[]{NodeSettingsWO.class}, s);
        return s;
    }

    /**
     * Validates, then loads settings, like KNIME does when a dialog is applied or a workflow is loaded.
     *
     * @param settings the settings
     * @throws InvalidSettingsException if validation or loading fails
     */
    public void loadSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        invokeChecked("validateSettings", new Class<?>[]{NodeSettingsRO.class}, settings);
        invokeChecked("loadValidatedSettingsFrom", new Class<?>[]{NodeSettingsRO.class}, settings);
    }

    /**
     * @param settings settings to validate only
     * @throws InvalidSettingsException if invalid
     */
    public void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        invokeChecked("validateSettings", new Class<?>[]{NodeSettingsRO.class}, settings);
    }

    /**
     * @param inSpecs input specs
     * @return output specs
     * @throws InvalidSettingsException as thrown by the model
     */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        m_configuredSpecs =
            (PortObjectSpec[])invokeChecked("configure", new Class<?>[]{PortObjectSpec[].class}, (Object)inSpecs);
        return m_configuredSpecs;
    }

    /**
     * Configures with the inputs' specs, then executes.
     *
     * @param inputs input port objects (null for an unconnected optional port)
     * @return the outputs
     * @throws Exception as thrown by the model
     */
    public PortObject[] execute(final PortObject... inputs) throws Exception {
        PortObjectSpec[] specs = prepare(inputs);
        PortObject[] out = (PortObject[])invokeAny("execute",
            new Class<?>[]{PortObject[].class, ExecutionContext.class}, inputs, new ExecutionContext(m_monitor));
        checkOutputs(specs, out);
        return out;
    }

    /**
     * Configures, then runs the model's streamable operator (in one partition), with row inputs for the ports the
     * model declares streamable, as KNIME's streaming executor does.
     *
     * @param inputs input port objects
     * @return the outputs
     * @throws Exception as thrown by the model
     */
    public PortObject[] executeStreamed(final PortObject... inputs) throws Exception {
        PortObjectSpec[] inSpecs = specsOf(inputs);
        PortObjectSpec[] outSpecs = prepare(inputs);
        InputPortRole[] roles = m_model.getInputPortRoles();
        PortInput[] in = new PortInput[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = roles[i].isStreamable() && inputs[i] instanceof BufferedDataTable
                ? new DataTableRowInput((BufferedDataTable)inputs[i]) : new PortObjectInput(inputs[i]);
        }
        ExecutionContext exec = new ExecutionContext(m_monitor);
        PortOutput[] out = new PortOutput[outSpecs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = outSpecs[i] instanceof DataTableSpec
                ? new BufferedDataTableRowOutput(exec.createDataContainer((DataTableSpec)outSpecs[i]))
                : new PortObjectOutput();
        }
        StreamableOperator op = m_model.createStreamableOperator(new PartitionInfo(0, 1), inSpecs);
        op.runFinal(in, out, exec);
        PortObject[] result = new PortObject[out.length];
        for (int i = 0; i < out.length; i++) {
            result[i] = out[i] instanceof BufferedDataTableRowOutput ? ((BufferedDataTableRowOutput)out[i]).getDataTable()
                : ((PortObjectOutput)out[i]).getPortObject();
        }
        checkOutputs(outSpecs, result);
        return result;
    }

    private PortObjectSpec[] prepare(final PortObject[] inputs) throws InvalidSettingsException {
        invoke("setWarningMessage", new Class<?>[]{String.class}, (Object)null);
        m_monitor.reset();
        return configure(specsOf(inputs));
    }

    private static PortObjectSpec[] specsOf(final PortObject[] inputs) {
        PortObjectSpec[] specs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            specs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        return specs;
    }

    private static void checkOutputs(final PortObjectSpec[] configured, final PortObject[] out) {
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("Output " + i + " is null after execute.");
            }
            if (configured[i] instanceof DataTableSpec && !((DataTableSpec)configured[i]).equalStructure(
                ((BufferedDataTable)out[i]).getDataTableSpec())) {
                throw new IllegalStateException("Spec of output " + i + " after execute, "
                    + ((BufferedDataTable)out[i]).getDataTableSpec() + ", differs from configure's " + configured[i]);
            }
        }
    }

    /** Resets the model, as KNIME does before re-execution. */
    public void reset() {
        invoke("setWarningMessage", new Class<?>[]{String.class}, (Object)null);
        invoke("reset", new Class<?>[0]);
    }

    /**
     * Saves the model's internals, as KNIME does when an executed workflow is saved.
     *
     * @param nodeInternDir an existing directory
     * @throws IOException on write failure
     */
    public void saveInternals(final File nodeInternDir) throws IOException {
        internals("saveInternals", nodeInternDir);
    }

    /**
     * Loads the model's internals, as KNIME does when an executed workflow is opened (settings are loaded before).
     *
     * @param nodeInternDir a directory written by {@link #saveInternals(File)}
     * @throws IOException on read failure
     */
    public void loadInternals(final File nodeInternDir) throws IOException {
        internals("loadInternals", nodeInternDir);
    }

    private void internals(final String name, final File nodeInternDir) throws IOException {
        try {
            invokeAny(name, new Class<?>[]{File.class, ExecutionMonitor.class}, nodeInternDir, new ExecutionMonitor());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the model's warning message, or null */
    public String warning() {
        return (String)invoke("getWarningMessage", new Class<?>[0]);
    }

    private Object invoke(final String name, final Class<?>[] types, final Object... args) {
        try {
            return invokeAny(name, types, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object invokeChecked(final String name, final Class<?>[] types, final Object... args)
        throws InvalidSettingsException {
        try {
            return invokeAny(name, types, args);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object invokeAny(final String name, final Class<?>[] types, final Object... args) throws Exception {
        Method m = find(m_model.getClass(), name, types);
        m.setAccessible(true);
        try {
            return m.invoke(m_model, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception)cause;
            }
            throw (Error)cause;
        }
    }

    private static Method find(final Class<?> cls, final String name, final Class<?>[] types) {
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name, types);
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        throw new IllegalArgumentException("No method " + name + " in " + cls.getName());
    }
}
