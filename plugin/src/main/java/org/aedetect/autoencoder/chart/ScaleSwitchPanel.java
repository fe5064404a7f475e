package org.aedetect.autoencoder.chart;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.function.Function;

import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;

/**
 * A chart with a check box that switches one of its axes to a log scale, for the node views. The chart is rebuilt
 * from its data when the box is ticked, so the picture always matches the check box.
 */
public final class ScaleSwitchPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JCheckBox m_logScale;

    private final ChartPanel m_chartPanel = new ChartPanel(null);

    private final JLabel m_noData;

    private transient Function<Boolean, JFreeChart> m_chart;

    /**
     * @param checkBoxLabel label of the log-scale check box, e.g. "Log scale"
     * @param noDataMessage what the panel says while there is nothing to draw
     */
    public ScaleSwitchPanel(final String checkBoxLabel, final String noDataMessage) {
        super(new BorderLayout());
        m_logScale = new JCheckBox(checkBoxLabel);
        m_noData = new JLabel(noDataMessage, SwingConstants.CENTER);
        m_chartPanel.setPreferredSize(new Dimension(Charts.WIDTH, Charts.HEIGHT));
        m_noData.setPreferredSize(m_chartPanel.getPreferredSize());
        m_logScale.addActionListener(e -> redraw());
        add(m_logScale, BorderLayout.NORTH);
        show(null);
    }

    /**
     * @param chart draws the chart for a log-scale choice, or null when there is no data
     */
    public void show(final Function<Boolean, JFreeChart> chart) {
        m_chart = chart;
        redraw();
    }

    /** @return the log-scale check box */
    public JCheckBox logScaleCheckBox() {
        return m_logScale;
    }

    /** @return the chart on show, or null when there is no data */
    public JFreeChart chart() {
        return m_chart == null ? null : m_chartPanel.getChart();
    }

    private void redraw() {
        remove(m_chartPanel);
        remove(m_noData);
        if (m_chart == null) {
            m_chartPanel.setChart(null);
            add(m_noData, BorderLayout.CENTER);
        } else {
            m_chartPanel.setChart(m_chart.apply(m_logScale.isSelected()));
            add(m_chartPanel, BorderLayout.CENTER);
        }
        m_logScale.setEnabled(m_chart != null);
        revalidate();
        repaint();
    }
}
