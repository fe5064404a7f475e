package org.aedetect.autoencoder.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    static List<EpochEvent> history(final int epochs, final boolean validation) {
        List<EpochEvent> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochEvent(e, epochs, 1.0 / e, validation ? 1.2 / e + 0.01 : Double.NaN, 0.1));
        }
        return history;
    }

    static double[] skewedScores(final int n) {
        Random random = new Random(7);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.exp(random.nextGaussian() * 0.5) * 0.01;
        }
        return scores;
    }

    @Test
    void testsRunHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "surefire sets java.awt.headless=true");
    }

    @Test
    void lossCurvePngHasTheChartSize() throws IOException {
        Path file = dir.resolve("loss.png");
        Charts.writeLossCurvePng(history(20, true), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "a PNG ImageIO can decode");
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }

    @Test
    void lossCurveDrawsValidationOnlyWhenThereIsSome() {
        assertEquals(2, LossCurveChart.create(history(5, true), false).getXYPlot().getDataset().getSeriesCount());
        JFreeChart trainingOnly = LossCurveChart.create(history(5, false), false);
        assertEquals(1, trainingOnly.getXYPlot().getDataset().getSeriesCount());
        assertEquals(Charts.WIDTH, Charts.image(trainingOnly).getWidth());
    }

    @Test
    void logScaleLossCurveSkipsZeroLossesAndAnEmptyHistoryRenders() {
        List<EpochEvent> withZero = new ArrayList<>(history(4, true));
        withZero.add(new EpochEvent(5, 5, 0.0, 0.0, 0.1));
        JFreeChart chart = LossCurveChart.create(withZero, true);
        assertEquals(4, chart.getXYPlot().getDataset().getItemCount(0));
        assertEquals(Charts.HEIGHT, Charts.image(chart).getHeight());
        assertEquals(Charts.HEIGHT, Charts.image(LossCurveChart.create(List.of(), true)).getHeight());
    }

    @Test
    void histogramPngHasTheChartSize() throws IOException {
        Path file = dir.resolve("histogram.png");
        Charts.writeHistogramPng(skewedScores(1000), 0.02, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }

    @Test
    void thresholdLineIsDrawnWithinOneBinOfTheThreshold() {
        double[] scores = skewedScores(2000);
        double threshold = 0.021;
        ScoreHistogram histogram = ScoreHistogram.of(scores, threshold, 40);
        for (boolean logCounts : new boolean[]{false, true}) {
            JFreeChart chart = HistogramChart.create(histogram, logCounts);
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = chart.createBufferedImage(Charts.WIDTH, Charts.HEIGHT, info);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            ValueAxis axis = chart.getXYPlot().getDomainAxis();
            double expectedX = area.getMinX()
                + (threshold - axis.getLowerBound()) / (axis.getUpperBound() - axis.getLowerBound()) * area.getWidth();
            double binPixels = histogram.binWidth() / (axis.getUpperBound() - axis.getLowerBound()) * area.getWidth();

            List<Integer> lineColumns = thresholdColoredColumns(image, area, (int)area.getCenterY());
            assertFalse(lineColumns.isEmpty(), "no threshold-coloured pixel in the middle of the plot");
            assertTrue(lineColumns.size() <= 4, "the line is thin, found " + lineColumns);
            for (int x : lineColumns) {
                assertTrue(Math.abs(x - expectedX) <= binPixels,
                    "threshold line at x=" + x + ", expected " + expectedX + " +- " + binPixels + " (one bin)");
            }
        }
    }

    @Test
    void logCountsWithEmptyBinsRender() throws IOException {
        double[] scores = {0.01, 0.011, 0.012, 5.0, Double.NaN};
        JFreeChart chart = HistogramChart.create(ScoreHistogram.of(scores, 1.0, 30), true);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.png(chart)));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(1, chart.getXYPlot().getDataset().getSeriesCount());
        assertEquals(2, chart.getXYPlot().getDataset().getItemCount(0), "only the two non-empty bins are drawn");
    }

    private static List<Integer> thresholdColoredColumns(final BufferedImage image, final Rectangle2D area,
        final int y) {
        List<Integer> columns = new ArrayList<>();
        for (int x = (int)area.getMinX(); x <= (int)area.getMaxX(); x++) {
            if (close(new Color(image.getRGB(x, y)), HistogramChart.THRESHOLD_COLOR)) {
                columns.add(x);
            }
        }
        return columns;
    }

    private static boolean close(final Color a, final Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
            + Math.abs(a.getBlue() - b.getBlue()) < 60;
    }
}
