package org.aedetect.autoencoder.node.filter;

import org.aedetect.autoencoder.chart.HistogramChart;
import org.aedetect.autoencoder.chart.ScaleSwitchPanel;
import org.aedetect.autoencoder.chart.ScoreHistogram;
import org.knime.core.node.NodeView;

/** The filter's view: the histogram of scores with the threshold line and the counts on each side. */
final class HistogramNodeView extends NodeView<ThresholdFilterNodeModel> {

    static final String LOG_COUNTS = "Log counts";

    static final String NO_DATA = "Execute the node to see the histogram of scores.";

    private final ScaleSwitchPanel m_panel = new ScaleSwitchPanel(LOG_COUNTS, NO_DATA);

    HistogramNodeView(final ThresholdFilterNodeModel model) {
        super(model);
        setComponent(m_panel);
    }

    @Override
    protected void modelChanged() {
        ScoreHistogram histogram = getNodeModel().histogram();
        m_panel.show(histogram == null ? null : logCounts -> HistogramChart.create(histogram, logCounts));
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
