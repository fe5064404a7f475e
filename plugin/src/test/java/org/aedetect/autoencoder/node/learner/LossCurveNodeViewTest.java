package org.aedetect.autoencoder.node.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.util.List;

import org.aedetect.autoencoder.chart.ScaleSwitchPanel;
import org.aedetect.autoencoder.engine.EpochEvent;
import org.aedetect.autoencoder.node.Nodes;
import org.aedetect.autoencoder.node.Planted;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeView;
import org.knime.offline.testing.NodeRunner;

class LossCurveNodeViewTest {

    @TempDir
    File internals;

    @SuppressWarnings("removal")
    private static LossCurveNodeView openView(final AutoencoderLearnerNodeModel model) {
        LossCurveNodeView view = (LossCurveNodeView)new AutoencoderLearnerNodeFactory().createNodeView(0, model);
        view.modelChanged();
        return view;
    }

    /** The view's component, as KNIME puts it in the view's window. */
    static ScaleSwitchPanel panel(final NodeView<?> view) throws Exception {
        Method getComponent = NodeView.class.getDeclaredMethod("getComponent");
        getComponent.setAccessible(true);
        return (ScaleSwitchPanel)getComponent.invoke(view);
    }

    @Test
    void lossCurvesSurviveSavingAndReopeningTheWorkflow() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(runner, 4);
        s.addInt("early_stopping_patience", 0);
        s.addDouble("validation_fraction", 0.2);
        runner.loadSettings(s);
        runner.execute(Planted.table(120, 0, 5));
        List<EpochEvent> trained = ((AutoencoderLearnerNodeModel)runner.model()).history();
        assertEquals(4, trained.size());
        runner.saveInternals(internals);

        NodeRunner<NodeModel> reopened = Nodes.learner();
        reopened.loadSettings(s);
        reopened.loadInternals(internals);
        AutoencoderLearnerNodeModel model = (AutoencoderLearnerNodeModel)reopened.model();
        assertEquals(trained, model.history());

        LossCurveNodeView view = openView(model);
        JFreeChart chart = panel(view).chart();
        assertEquals(2, chart.getXYPlot().getDataset().getSeriesCount(), "training and validation curves");
        assertEquals(4, chart.getXYPlot().getDataset().getItemCount(0));
        assertFalse(chart.getXYPlot().getRangeAxis() instanceof LogAxis);

        panel(view).logScaleCheckBox().doClick();
        assertInstanceOf(LogAxis.class, panel(view).chart().getXYPlot().getRangeAxis());
    }

    @Test
    void viewIsEmptyBeforeExecutionAndAfterReset() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        NodeSettings s = Nodes.fastLearnerSettings(runner, 2);
        s.addDouble("validation_fraction", 0);
        runner.loadSettings(s);
        LossCurveNodeView view = openView((AutoencoderLearnerNodeModel)runner.model());
        assertNull(panel(view).chart());
        assertFalse(panel(view).logScaleCheckBox().isEnabled());

        runner.execute(Planted.table(60, 0, 3));
        view.modelChanged();
        assertEquals(1, panel(view).chart().getXYPlot().getDataset().getSeriesCount(), "no validation rows");
        runner.reset();
        view.modelChanged();
        assertNull(panel(view).chart());
    }

    @Test
    void internalsOfAWorkflowSavedWithoutHistoryLoadAsNoCurves() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.learner();
        runner.loadInternals(internals);
        assertTrue(((AutoencoderLearnerNodeModel)runner.model()).history().isEmpty());
    }

    @Test
    void missingValidationLossesAreKeptAsMissing() throws Exception {
        List<EpochEvent> history = List.of(new EpochEvent(1, 2, 0.5, Double.NaN, 0.25),
            new EpochEvent(2, 2, 0.25, Double.NaN, 0.125));
        TrainingHistoryInternals.save(history, internals);
        assertEquals(history, TrainingHistoryInternals.load(internals));
    }
}
