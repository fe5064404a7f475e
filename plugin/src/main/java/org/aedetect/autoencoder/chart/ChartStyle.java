package org.aedetect.autoencoder.chart;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The look both charts share: white background, light grid, logical fonts that exist on every JVM. */
final class ChartStyle {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private static final Color GRID = new Color(220, 220, 220);

    private ChartStyle() {
    }

    static void apply(final XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    static void apply(final JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
    }

    /** @return a format that shows small losses and scores without switching to 0.000 */
    static NumberFormat numberFormat() {
        return new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static String number(final double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
