package org.aedetect.autoencoder.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training and validation loss per epoch: did training converge, did it overfit. The validation curve is drawn only
 * when the history has validation losses. On the log scale, losses of zero or less are left out (a log axis has no
 * place for them).
 */
public final class LossCurveChart {

    static final Color TRAINING_COLOR = new Color(31, 119, 180);

    static final Color VALIDATION_COLOR = new Color(255, 127, 14);

    private LossCurveChart() {
    }

    /**
     * @param history the epochs, in order
     * @param logScale whether the loss axis is logarithmic
     * @return the chart; with an empty history it says that no epoch completed
     */
    public static JFreeChart create(final List<EpochEvent> history, final boolean logScale) {
        XYSeries training = new XYSeries("Training loss");
        XYSeries validation = new XYSeries("Validation loss");
        for (EpochEvent e : history) {
            add(training, e.epoch(), e.trainingLoss(), logScale);
            add(validation, e.epoch(), e.validationLoss(), logScale);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(training);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, history.size() <= 60);
        renderer.setSeriesPaint(0, TRAINING_COLOR);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        if (!validation.isEmpty()) {
            data.addSeries(validation);
            renderer.setSeriesPaint(1, VALIDATION_COLOR);
            renderer.setSeriesStroke(1, new BasicStroke(2f));
        }

        NumberAxis epochAxis = new NumberAxis("Epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, epochAxis, lossAxis(logScale), renderer);
        ChartStyle.apply(plot);
        plot.setNoDataMessage("No epoch completed");

        JFreeChart chart = new JFreeChart("Loss per epoch", ChartStyle.TITLE_FONT, plot, true);
        if (!history.isEmpty()) {
            chart.addSubtitle(new TextTitle(subtitle(history), ChartStyle.SUBTITLE_FONT));
        }
        ChartStyle.apply(chart);
        return chart;
    }

    private static void add(final XYSeries series, final int epoch, final double loss, final boolean logScale) {
        if (Double.isFinite(loss) && (!logScale || loss > 0)) {
            series.add(epoch, loss);
        }
    }

    private static ValueAxis lossAxis(final boolean logScale) {
        if (logScale) {
            LogAxis axis = new LogAxis("Loss (log scale)");
            axis.setNumberFormatOverride(ChartStyle.numberFormat());
            return axis;
        }
        NumberAxis axis = new NumberAxis("Loss");
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static String subtitle(final List<EpochEvent> history) {
        EpochEvent last = history.get(history.size() - 1);
        String text = String.format(Locale.ROOT, "%d epochs; last training loss %s", history.size(),
            ChartStyle.number(last.trainingLoss()));
        return Double.isNaN(last.validationLoss()) ? text
            : text + ", validation loss " + ChartStyle.number(last.validationLoss());
    }
}
