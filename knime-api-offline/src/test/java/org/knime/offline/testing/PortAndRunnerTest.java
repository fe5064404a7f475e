package org.knime.offline.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.simple.SimpleStreamableFunctionNodeModel;

class PortAndRunnerTest {

    @Test
    void portObjectRoundTripsThroughTheSerializersRegisteredInPluginXml() throws Exception {
        CounterPortObject po = new CounterPortObject(new CounterPortObjectSpec("c"), 42);
        CounterPortObject back = PortObjectRoundTrip.roundTrip(po);
        assertEquals(42, back.count());
        assertEquals("c", back.getSpec().name());
        assertEquals(po.getSpec(), back.getSpec());
        assertEquals("Test Counter", CounterPortObject.TYPE.getName());
        assertEquals(CounterPortObjectSpec.class, CounterPortObject.TYPE.getPortObjectSpecClass());
    }

    @Test
    void unregisteredPortObjectHasNoSerializer() {
        PortObject unregistered = Tables.doubles(new String[]{"a"}, new double[][]{{1}});
        assertThrows(IllegalStateException.class, () -> PortObjectRoundTrip.saveObject(unregistered));
    }

    /** Scales one column; pushes a flow variable, warns on missing values. */
    static final class ScaleModel extends SimpleStreamableFunctionNodeModel {
        final SettingsModelDoubleBounded m_factor = new SettingsModelDoubleBounded("factor", 2, 0, 10);

        @Override
        protected ColumnRearranger createColumnRearranger(final DataTableSpec spec) throws InvalidSettingsException {
            if (!spec.containsName("x")) {
                throw new InvalidSettingsException("Input has no column \"x\".");
            }
            int idx = spec.findColumnIndex("x");
            double f = m_factor.getDoubleValue();
            ColumnRearranger r = new ColumnRearranger(spec);
            r.append(new SingleCellFactory(new DataColumnSpecCreator("scaled", DoubleCell.TYPE).createSpec()) {
                @Override
                public DataCell getCell(final DataRow row) {
                    return new DoubleCell(((DoubleValue)row.getCell(idx)).getDoubleValue() * f);
                }
            });
            return r;
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            pushFlowVariableDouble("factor", m_factor.getDoubleValue());
            setWarningMessage("scaled " + inData[0].size() + " rows");
            return super.execute(inData, exec);
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            m_factor.saveSettingsTo(settings);
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_factor.validateSettings(settings);
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_factor.loadSettingsFrom(settings);
        }
    }

    @Test
    void runnerConfiguresExecutesAndStreamsLikeKnime() throws Exception {
        NodeRunner<ScaleModel> runner = new NodeRunner<>(new ScaleModel());
        var settings = runner.saveSettings();
        settings.addDouble("factor", 3);
        runner.loadSettings(settings);
        BufferedDataTable in = Tables.doubles(new String[]{"x"}, new double[][]{{1}, {2}});
        BufferedDataTable out = (BufferedDataTable)runner.execute(in)[0];
        assertArrayEquals(new double[]{3, 6}, Tables.doubleColumn(out, "scaled"));
        assertEquals(3.0, runner.model().peekFlowVariableDouble("factor"));
        assertEquals("scaled 2 rows", runner.warning());
        BufferedDataTable streamed = (BufferedDataTable)runner.executeStreamed(in)[0];
        assertArrayEquals(new double[]{3, 6}, Tables.doubleColumn(streamed, "scaled"));
        assertNull(runner.warning(), "the warning is cleared before each run; streaming does not call execute");

        settings.addDouble("factor", 11);
        assertThrows(InvalidSettingsException.class, () -> runner.loadSettings(settings));
        BufferedDataTable noX = Tables.doubles(new String[]{"y"}, new double[][]{{1}});
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> runner.execute(noX));
        assertTrue(e.getMessage().contains("\"x\""));
    }

    /** A model port and a table in, the port's count appended. */
    static final class CountModel extends NodeModel {
        CountModel() {
            super(new PortType[]{CounterPortObject.TYPE, BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE});
        }

        @Override
        protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
            return new PortObjectSpec[]{inSpecs[1]};
        }

        @Override
        protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
            exec.setProgress(0.5, "half");
            exec.checkCanceled();
            return new PortObject[]{inObjects[1]};
        }

        @Override
        protected void loadInternals(final File d, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(final File d, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        }

        @Override
        protected void reset() {
        }
    }

    @Test
    void runnerCancelsWhenAMessageMatches() throws Exception {
        NodeRunner<CountModel> runner = new NodeRunner<>(new CountModel());
        PortObject table = Tables.doubles(new String[]{"a"}, new double[][]{{1}});
        CounterPortObject counter = new CounterPortObject(new CounterPortObjectSpec("c"), 1);
        assertEquals(table, runner.execute(counter, table)[0]);
        assertEquals(0.5, runner.monitor().getProgress());
        runner.cancelWhen("half"::equals);
        assertThrows(org.knime.core.node.CanceledExecutionException.class, () -> runner.execute(counter, table));
    }
}
