package org.aedetect.autoencoder.node.learner;

import java.util.List;

import org.aedetect.autoencoder.chart.LossCurveChart;
import org.aedetect.autoencoder.chart.ScaleSwitchPanel;
import org.aedetect.autoencoder.engine.EpochEvent;
import org.knime.core.node.NodeView;

/** The learner's view: training and validation loss per epoch, with a log-scale check box. */
final class LossCurveNodeView extends NodeView<AutoencoderLearnerNodeModel> {

    static final String LOG_SCALE = "Log scale";

    static final String NO_DATA = "Execute the node to see the loss per epoch.";

    private final ScaleSwitchPanel m_panel = new ScaleSwitchPanel(LOG_SCALE, NO_DATA);

    LossCurveNodeView(final AutoencoderLearnerNodeModel model) {
        super(model);
        setComponent(m_panel);
    }

    @Override
    protected void modelChanged() {
        List<EpochEvent> history = getNodeModel().history();
        m_panel.show(history.isEmpty() ? null : logScale -> LossCurveChart.create(history, logScale));
    }

    @Override
    protected void onClose() {
        // nothing to release
    }

    @Override
    protected void onOpen() {
        // modelChanged draws the chart
    }
}
