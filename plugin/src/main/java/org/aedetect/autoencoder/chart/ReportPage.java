package org.aedetect.autoencoder.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aedetect.autoencoder.engine.EpochEvent;

/**
 * A small self-contained HTML page with both pictures and their numbers: the caller's facts (input, rows, backend,
 * evaluation...), the threshold with the counts on each side and the histogram, and the loss per epoch as curve and
 * table. The PNGs are embedded as base64 data URIs, the style is inline: the file can be mailed or archived alone.
 */
public final class ReportPage {

    private ReportPage() {
    }

    /**
     * Writes the page (UTF-8), replacing the file if it exists.
     *
     * @param file the HTML file to write
     * @param title the page's heading, e.g. "Autoencoder anomaly detection (train)"
     * @param facts label to value, shown in this order at the top (e.g. "Input", "Rows", "Backend"); may be empty
     * @param history the epochs, e.g. {@code TrainedAutoencoder.history()}; empty leaves out the loss section
     * @param scores the scores, NaN for missing
     * @param threshold the threshold the rule chose
     * @param rule what the rule is, e.g. {@code ThresholdRule.describe()}
     * @throws IOException if it cannot be written
     */
    public static void writeHtml(final Path file, final String title, final Map<String, String> facts,
        final List<EpochEvent> history, final double[] scores, final double threshold, final String rule)
        throws IOException {
        Files.writeString(file, html(title, facts, history, scores, threshold, rule), StandardCharsets.UTF_8);
    }

    static String html(final String title, final Map<String, String> facts, final List<EpochEvent> history,
        final double[] scores, final double threshold, final String rule) {
        ScoreHistogram histogram = ScoreHistogram.of(scores, threshold);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(escape(title)).append("</title>\n<style>\n")
            .append("body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}\n")
            .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
            .append("th,td{border:1px solid #ccc;padding:0.2em 0.6em;text-align:left}\n")
            .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\nimg{max-width:100%}\n")
            .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        if (!facts.isEmpty()) {
            h.append("<table>\n");
            facts.forEach((k, v) -> row(h, k, v));
            h.append("</table>\n");
        }

        h.append("<h2>Threshold</h2>\n<table>\n");
        row(h, "Rule", rule);
        row(h, "Threshold", ChartStyle.number(threshold));
        row(h, "Anomalies (score above the threshold)", Long.toString(histogram.anomalies()));
        row(h, "Normal (score at or below the threshold)", Long.toString(histogram.normal()));
        row(h, "Missing scores", Long.toString(histogram.missing()));
        h.append("</table>\n");
        image(h, Charts.png(HistogramChart.create(histogram, false)), "Histogram of the scores with the threshold");

        if (!history.isEmpty()) {
            h.append("<h2>Training</h2>\n");
            image(h, Charts.png(LossCurveChart.create(history, false)), "Training and validation loss per epoch");
            h.append("<table>\n<tr><th>Epoch</th><th>Training loss</th><th>Validation loss</th><th>Seconds</th></tr>\n");
            for (EpochEvent e : history) {
                h.append(String.format(Locale.ROOT,
                    "<tr><td class=\"n\">%d</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
                        + "<td class=\"n\">%.2f</td></tr>%n",
                    e.epoch(), ChartStyle.number(e.trainingLoss()),
                    Double.isNaN(e.validationLoss()) ? "" : ChartStyle.number(e.validationLoss()), e.seconds()));
            }
            h.append("</table>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void row(final StringBuilder h, final String label, final String value) {
        h.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void image(final StringBuilder h, final byte[] png, final String alt) {
        h.append("<p><img alt=\"").append(escape(alt)).append("\" width=\"").append(Charts.WIDTH)
            .append("\" height=\"").append(Charts.HEIGHT).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(png)).append("\"></p>\n");
    }

    private static String escape(final String text) {
        return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\"", "&quot;");
    }
}
