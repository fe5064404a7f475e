package org.aedetect.autoencoder.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * The charts as pictures: PNG bytes for the Threshold Filter's image port and the report, PNG files for the batch
 * program. Rendering needs no display (works with {@code java.awt.headless=true}).
 */
public final class Charts {

    /** Size of the pictures, in pixels. */
    public static final int WIDTH = 800;

    public static final int HEIGHT = 480;

    private Charts() {
    }

    /**
     * Writes the loss curve (linear loss axis) as a PNG of {@link #WIDTH} x {@link #HEIGHT}.
     *
     * @param history the epochs, e.g. {@code TrainedAutoencoder.history()}
     * @param file the PNG file to write (replaced if it exists)
     * @throws IOException if it cannot be written
     */
    public static void writeLossCurvePng(final List<EpochEvent> history, final Path file) throws IOException {
        Files.write(file, png(LossCurveChart.create(history, false)));
    }

    /**
     * Writes the score histogram with the threshold line (linear counts) as a PNG of {@link #WIDTH} x
     * {@link #HEIGHT}.
     *
     * @param scores the scores, NaN for missing
     * @param threshold the threshold the rule chose
     * @param file the PNG file to write (replaced if it exists)
     * @throws IOException if it cannot be written
     */
    public static void writeHistogramPng(final double[] scores, final double threshold, final Path file)
        throws IOException {
        Files.write(file, png(HistogramChart.create(ScoreHistogram.of(scores, threshold), false)));
    }

    /**
     * A chart frame with no data, only {@code message} in its plot area: the picture for a histogram
     * that has no scores (and so no threshold) to show.
     *
     * @param title the chart title
     * @param message what to say instead of the data
     * @return PNG bytes of {@link #WIDTH} x {@link #HEIGHT}
     */
    public static byte[] noDataPng(final String title, final String message) {
        XYPlot plot = new XYPlot();
        plot.setNoDataMessage(message);
        return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }

    /**
     * @param chart a chart
     * @return it as PNG bytes of {@link #WIDTH} x {@link #HEIGHT}
     */
    public static byte[] png(final JFreeChart chart) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the chart as PNG", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param chart a chart
     * @return it as an image of {@link #WIDTH} x {@link #HEIGHT}
     */
    public static BufferedImage image(final JFreeChart chart) {
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }
}
