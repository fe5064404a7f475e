package org.aedetect.autoencoder.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {

    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    private static List<BufferedImage> embeddedImages(final String html) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = DATA_URI.matcher(html);
        while (m.find()) {
            images.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
        }
        return images;
    }

    @Test
    void pageEmbedsBothPicturesAndShowsTheNumbers() throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Input", "data <sensors>.csv");
        facts.put("Rows", "2000");
        Path file = dir.resolve("report.html");
        double[] scores = ChartsTest.skewedScores(2000);
        ReportPage.writeHtml(file, "Autoencoder anomaly detection (train)", facts, ChartsTest.history(12, true),
            scores, 0.021, "percentile 95 of the scores");
        String html = Files.readString(file, StandardCharsets.UTF_8);

        List<BufferedImage> images = embeddedImages(html);
        assertEquals(2, images.size(), "histogram and loss curve");
        for (BufferedImage image : images) {
            assertNotNull(image);
            assertEquals(Charts.WIDTH, image.getWidth());
            assertEquals(Charts.HEIGHT, image.getHeight());
        }
        ScoreHistogram h = ScoreHistogram.of(scores, 0.021);
        assertTrue(html.contains("<td>" + h.anomalies() + "</td>"), "anomaly count");
        assertTrue(html.contains("<td>" + h.normal() + "</td>"), "normal count");
        assertTrue(html.contains("percentile 95 of the scores"));
        assertTrue(html.contains("data &lt;sensors&gt;.csv"), "facts are escaped");
        assertEquals(12, html.split("<tr><td class=\"n\">", -1).length - 1, "one table row per epoch");
        assertFalse(html.contains("http"), "self-contained: no link to anything outside the file");
    }

    @Test
    void scoringWithoutHistoryLeavesOutTheLossSection() throws IOException {
        String html = ReportPage.html("Scores", Map.of(), List.of(), new double[]{1, 2, Double.NaN}, 1.5, "fixed");
        assertEquals(1, embeddedImages(html).size());
        assertFalse(html.contains("Training"));
        assertTrue(html.contains("<th>Missing scores</th><td>1</td>"));
    }
}
