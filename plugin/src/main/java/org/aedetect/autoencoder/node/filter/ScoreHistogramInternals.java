package org.aedetect.autoencoder.node.filter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

import org.aedetect.autoencoder.chart.ScoreHistogram;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/**
 * The histogram kept in the filter's internals, so that its view survives saving and reopening the workflow without
 * keeping every score. The keys are stored in saved workflows and must never change.
 */
final class ScoreHistogramInternals {

    static final String FILE_NAME = "score-histogram.xml";

    static final String CFG_LOWER = "lower";

    static final String CFG_UPPER = "upper";

    static final String CFG_COUNTS = "counts";

    static final String CFG_THRESHOLD = "threshold";

    static final String CFG_NORMAL = "normal";

    static final String CFG_ANOMALIES = "anomalies";

    static final String CFG_MISSING = "missing";

    private ScoreHistogramInternals() {
    }

    static void save(final ScoreHistogram histogram, final File nodeInternDir) throws IOException {
        ModelContent content = new ModelContent(FILE_NAME);
        content.addDouble(CFG_LOWER, histogram.lower());
        content.addDouble(CFG_UPPER, histogram.upper());
        content.addLongArray(CFG_COUNTS, histogram.counts());
        content.addDouble(CFG_THRESHOLD, histogram.threshold());
        content.addLong(CFG_NORMAL, histogram.normal());
        content.addLong(CFG_ANOMALIES, histogram.anomalies());
        content.addLong(CFG_MISSING, histogram.missing());
        try (OutputStream out = Files.newOutputStream(new File(nodeInternDir, FILE_NAME).toPath())) {
            content.saveToXML(out);
        }
    }

    /**
     * @param nodeInternDir the node's internals directory
     * @return the histogram, or null when the node was saved without one (by a version without views)
     * @throws IOException if the file is there but unreadable
     */
    static ScoreHistogram load(final File nodeInternDir) throws IOException {
        File file = new File(nodeInternDir, FILE_NAME);
        if (!file.isFile()) {
            return null;
        }
        ModelContentRO content;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            content = ModelContent.loadFromXML(in);
        }
        try {
            return new ScoreHistogram(content.getDouble(CFG_LOWER), content.getDouble(CFG_UPPER),
                content.getLongArray(CFG_COUNTS), content.getDouble(CFG_THRESHOLD), content.getLong(CFG_NORMAL),
                content.getLong(CFG_ANOMALIES), content.getLong(CFG_MISSING));
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            throw new IOException("The saved score histogram " + file + " is damaged (" + e.getMessage()
                + "); execute the node again.", e);
        }
    }
}
