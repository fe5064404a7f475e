package org.aedetect.autoencoder.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The histogram of scores with the threshold as a vertical line, labelled with the number of normal rows on its left
 * and of anomalies on its right. With log counts, empty bins are left out (a log axis has no zero) and bars start at
 * one half, so a bin with one score is still visible.
 */
public final class HistogramChart {

    /** Colour of the threshold line; tests look for it in the picture. */
    public static final Color THRESHOLD_COLOR = new Color(214, 39, 40);

    static final Color BAR_COLOR = new Color(70, 120, 180);

    /** Where log-count bars start. */
    static final double LOG_BASE = 0.5;

    private HistogramChart() {
    }

    /**
     * @param histogram the binned scores
     * @param logCounts whether the count axis is logarithmic
     * @return the chart
     */
    public static JFreeChart create(final ScoreHistogram histogram, final boolean logCounts) {
        XYIntervalSeries bars = new XYIntervalSeries("Rows per bin");
        long maxCount = 0;
        for (int b = 0; b < histogram.bins(); b++) {
            long count = histogram.count(b);
            maxCount = Math.max(maxCount, count);
            if (count == 0 && logCounts) {
                continue;
            }
            double start = histogram.binStart(b);
            double end = start + histogram.binWidth();
            bars.add((start + end) / 2, start, end, count, count, count);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bars);

        NumberAxis scoreAxis = new NumberAxis("Score");
        double margin = (histogram.upper() - histogram.lower()) * 0.02;
        scoreAxis.setRange(histogram.lower() - margin, histogram.upper() + margin);

        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, BAR_COLOR);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);

        XYPlot plot = new XYPlot(data, scoreAxis, countAxis(logCounts, maxCount), renderer);
        ChartStyle.apply(plot);
        if (logCounts) {
            renderer.setBase(LOG_BASE);
        }
        plot.addDomainMarker(sideLabel(histogram.threshold(), histogram.normal() + " normal",
            RectangleAnchor.TOP_LEFT, TextAnchor.TOP_RIGHT), Layer.FOREGROUND);
        plot.addDomainMarker(sideLabel(histogram.threshold(), histogram.anomalies() + " anomalies",
            RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT), Layer.FOREGROUND);

        JFreeChart chart = new JFreeChart("Reconstruction error", ChartStyle.TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(subtitle(histogram), ChartStyle.SUBTITLE_FONT));
        ChartStyle.apply(chart);
        return chart;
    }

    private static ValueAxis countAxis(final boolean logCounts, final long maxCount) {
        if (logCounts) {
            LogAxis axis = new LogAxis("Rows (log scale)");
            axis.setSmallestValue(LOG_BASE);
            axis.setRange(LOG_BASE, Math.max(10, maxCount * 2.0));
            axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
            return axis;
        }
        NumberAxis axis = new NumberAxis("Rows");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setUpperMargin(0.12);
        return axis;
    }

    private static ValueMarker sideLabel(final double threshold, final String label, final RectangleAnchor anchor,
        final TextAnchor textAnchor) {
        ValueMarker marker = new ValueMarker(threshold, THRESHOLD_COLOR, new BasicStroke(2f));
        marker.setLabel(label);
        marker.setLabelFont(ChartStyle.LABEL_FONT);
        marker.setLabelPaint(THRESHOLD_COLOR);
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(textAnchor);
        return marker;
    }

    private static String subtitle(final ScoreHistogram h) {
        String text = String.format(Locale.ROOT, "Threshold %s: %d at or below (normal), %d above (anomalies)",
            ChartStyle.number(h.threshold()), h.normal(), h.anomalies());
        return h.missing() == 0 ? text : text + String.format(Locale.ROOT, ", %d missing scores", h.missing());
    }
}
