package org.aedetect.autoencoder.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortUtil;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.PortObjectRoundTrip;
import org.knime.offline.testing.Tables;

/**
 * Cancelling at the node layer where {@code AutoencoderLearnerNodeModelTest} does not (it cancels at an epoch
 * boundary): before the first pass has read a row, within an epoch (from the progress of a mini-batch), and
 * while the model port is being saved. The node produces no model and executes cleanly afterwards.
 */
class NodeCancellationTest {

    private static NodeRunner<NodeModel> learner(final int epochs) throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(runner, epochs);
        s.addInt("early_stopping_patience", 0);
        runner.loadSettings(s);
        return runner;
    }

    @Test
    void cancelBeforeTheFirstPassGivesNoModelAndTheNodeRunsAgain() throws Exception {
        BufferedDataTable data = Planted.table(200, 0, 21);
        NodeRunner<NodeModel> runner = learner(3);
        runner.cancelWhen(m -> m.startsWith("Training on"));
        assertThrows(CanceledExecutionException.class, () -> runner.execute(data));
        assertTrue(runner.monitor().getMessages().stream().noneMatch(m -> m.startsWith("Epoch ")),
            runner.monitor().getMessages().toString());
        runner.reset();
        NodeRunner<NodeModel> again = new NodeRunner<>(runner.model());
        PortObject[] out = again.execute(data);
        assertEquals(3, ((BufferedDataTable)out[1]).size());
    }

    @Test
    void cancelWithinAnEpochStopsBeforeItEnds() throws Exception {
        BufferedDataTable data = Planted.table(200, 0, 22);
        NodeRunner<NodeModel> runner = learner(4);
        // progress within an epoch comes from the mini-batches; cancel from the first progress report of epoch 2
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor() {
            @Override
            public synchronized void setProgress(final double progress) {
                super.setProgress(progress);
                if (progress > 0.25 && progress < 0.5) {
                    setExecuteCanceled();
                }
            }
        };
        // NodeRunner only cancels on messages; drive execute directly with this monitor
        assertThrows(CanceledExecutionException.class, () -> executeWith(runner.model(), monitor, data));
        assertTrue(monitor.getMessages().stream().noneMatch(m -> m.startsWith("Epoch 2/4")), "canceled inside "
            + "epoch 2, before its end: " + monitor.getMessages());
        PortObject[] out = new NodeRunner<>(runner.model()).execute(data);
        assertEquals(4, ((BufferedDataTable)out[1]).size());
    }

    private static void executeWith(final NodeModel model, final DefaultNodeProgressMonitor monitor,
        final BufferedDataTable data) throws Exception {
        java.lang.reflect.Method execute = NodeModel.class.getDeclaredMethod("execute", PortObject[].class,
            org.knime.core.node.ExecutionContext.class);
        execute.setAccessible(true);
        try {
            execute.invoke(model, new PortObject[]{data}, new org.knime.core.node.ExecutionContext(monitor));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (Exception)e.getCause();
        }
    }

    @Test
    void cancelWhileSavingTheModelPortStopsAndASecondSaveWorks() throws Exception {
        AutoencoderPortObject model = (AutoencoderPortObject)learner(2).execute(Planted.table(100, 0, 23))[0];
        DefaultNodeProgressMonitor canceled = new DefaultNodeProgressMonitor();
        canceled.setExecuteCanceled();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(new ByteArrayOutputStream())) {
            assertThrows(CanceledExecutionException.class, () -> PortUtil.getPortObjectSerializer(
                AutoencoderPortObject.class).savePortObject(model, out, new ExecutionMonitor(canceled)));
        }
        AutoencoderPortObject reloaded = PortObjectRoundTrip.roundTrip(model);
        BufferedDataTable rows = Planted.table(30, 3, 24);
        assertArrayEquals(
            Tables.doubleColumn(Nodes.table(Nodes.scorer().execute(model, rows), 0), "Reconstruction error"),
            Tables.doubleColumn(Nodes.table(Nodes.scorer().execute(reloaded, rows), 0), "Reconstruction error"));
    }
}
