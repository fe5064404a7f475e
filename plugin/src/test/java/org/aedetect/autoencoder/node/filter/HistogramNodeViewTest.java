package org.aedetect.autoencoder.node.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.lang.reflect.Method;

import javax.imageio.ImageIO;

import org.aedetect.autoencoder.chart.Charts;
import org.aedetect.autoencoder.chart.ScaleSwitchPanel;
import org.aedetect.autoencoder.chart.ScoreHistogram;
import org.aedetect.autoencoder.node.Nodes;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeView;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.PortObjectRoundTrip;
import org.knime.offline.testing.Tables;

class HistogramNodeViewTest {

    @TempDir
    File internals;

    /** 90 scores from 0 to 0.89 and 10 from 5 to 5.9: the 90th percentile lies between the two groups. */
    private static BufferedDataTable scores() {
        double[][] rows = new double[101][];
        for (int i = 0; i < 100; i++) {
            rows[i] = new double[]{i < 90 ? i / 100.0 : 5 + (i - 90) / 10.0};
        }
        rows[100] = new double[]{Double.NaN};
        return Tables.doubles(new String[]{"Reconstruction error"}, rows);
    }

    private static NodeRunner<NodeModel> contaminationFilter() throws Exception {
        NodeRunner<NodeModel> runner = Nodes.filter();
        NodeSettings s = runner.saveSettings();
        s.addString("threshold_rule", "Contamination rate");
        s.addDouble("contamination", 0.1);
        runner.loadSettings(s);
        return runner;
    }

    private static NodeRunner<NodeModel> executedFilter() throws Exception {
        NodeRunner<NodeModel> runner = contaminationFilter();
        runner.execute(scores(), null);
        return runner;
    }

    @SuppressWarnings("removal")
    private static HistogramNodeView openView(final NodeModel model) {
        HistogramNodeView view =
            (HistogramNodeView)new ThresholdFilterNodeFactory().createNodeView(0, (ThresholdFilterNodeModel)model);
        view.modelChanged();
        return view;
    }

    private static ScaleSwitchPanel panel(final NodeView<?> view) throws Exception {
        Method getComponent = NodeView.class.getDeclaredMethod("getComponent");
        getComponent.setAccessible(true);
        return (ScaleSwitchPanel)getComponent.invoke(view);
    }

    @Test
    void imagePortHoldsTheHistogramAsPng() throws Exception {
        NodeRunner<NodeModel> runner = contaminationFilter();
        PortObject[] out = runner.execute(scores(), null);
        assertEquals(3, out.length);
        ImagePortObject image = assertInstanceOf(ImagePortObject.class, out[2]);
        assertEquals(PNGImageContent.TYPE, image.getSpec().getDataType());
        assertEquals(ThresholdFilterNodeModel.IMAGE_SPEC, runner.configure(scores().getDataTableSpec(), null)[2]);

        ImagePortObject reloaded = PortObjectRoundTrip.roundTrip(image);
        assertTrue(reloaded.getSummary().startsWith("PNG Image " + Charts.WIDTH + " x " + Charts.HEIGHT),
            reloaded.getSummary());
        byte[] png = ((PNGImageContent)imageContent(reloaded)).getByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(decoded, "decodes as PNG");
        assertEquals(Charts.WIDTH, decoded.getWidth());
        assertEquals(Charts.HEIGHT, decoded.getHeight());
    }

    private static Object imageContent(final ImagePortObject image) throws Exception {
        var field = ImagePortObject.class.getDeclaredField("m_content");
        field.setAccessible(true);
        return field.get(image);
    }

    @Test
    void histogramSurvivesSavingAndReopeningTheWorkflow() throws Exception {
        NodeRunner<NodeModel> runner = executedFilter();
        ScoreHistogram executed = ((ThresholdFilterNodeModel)runner.model()).histogram();
        assertEquals(10, executed.anomalies());
        assertEquals(90, executed.normal());
        assertEquals(1, executed.missing());
        runner.saveInternals(internals);

        NodeRunner<NodeModel> reopened = Nodes.filter();
        reopened.loadSettings(runner.saveSettings());
        reopened.loadInternals(internals);
        assertEquals(executed, ((ThresholdFilterNodeModel)reopened.model()).histogram());

        HistogramNodeView view = openView(reopened.model());
        var plot = panel(view).chart().getXYPlot();
        assertEquals(executed.threshold(), plot.getDomainMarkers(Layer.FOREGROUND).stream()
            .mapToDouble(m -> ((ValueMarker)m).getValue()).max().orElseThrow());
        assertFalse(plot.getRangeAxis() instanceof LogAxis);
        panel(view).logScaleCheckBox().doClick();
        assertInstanceOf(LogAxis.class, panel(view).chart().getXYPlot().getRangeAxis());
    }

    @Test
    void viewIsEmptyBeforeExecutionAndAfterReset() throws Exception {
        NodeRunner<NodeModel> runner = executedFilter();
        HistogramNodeView view = openView(runner.model());
        assertNotNull(panel(view).chart());
        runner.reset();
        view.modelChanged();
        assertNull(panel(view).chart());
        runner.saveInternals(internals);
        assertEquals(0, internals.list().length, "nothing to keep after a reset");
    }
}
