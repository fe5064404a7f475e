package org.aedetect.autoencoder.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.ScoreResult;
import org.aedetect.autoencoder.engine.ThresholdRule;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The Reconstruction Scorer and the Threshold Filter applied to a CSV table: the model's errors per
 * row (optionally per column and as a percentile among the training errors), the threshold the rule
 * picks, and the anomaly flag per row; written as the scored table and the anomalies table.
 */
final class ScoredTable {

    private final CsvTable table;

    private final List<String> appendedNames;

    private final double[] scores;

    private final double[][] columnErrors;

    private final double[] percentiles;

    private final ThresholdRule rule;

    private final double threshold;

    private final boolean[] anomaly;

    private final int missingScores;

    private final ErrorMetric metric;

    private ScoredTable(final CsvTable table, final List<String> appendedNames, final ScoreResult result,
        final double[] percentiles, final ThresholdRule rule, final double threshold, final boolean[] anomaly) {
        this.table = table;
        this.appendedNames = List.copyOf(appendedNames);
        this.scores = result.rowErrors();
        this.columnErrors = result.columnErrors();
        this.percentiles = percentiles;
        this.rule = rule;
        this.threshold = threshold;
        this.anomaly = anomaly;
        this.missingScores = result.missingRows();
        this.metric = result.metric();
    }

    /**
     * Scores every row of {@code table} and decides which are anomalies.
     *
     * @throws BatchFailure if an appended column name is taken, the data cannot be scored, or the rule fails
     */
    static ScoredTable score(final TrainedAutoencoder model, final CsvTable table, final ScorerOptions scorer,
        final FilterOptions filter) {
        final ThresholdRule rule = filter.rule();
        final List<String> appended = appendedNames(model.columnNames(), table, scorer, filter);
        final double[][] values = table.values(model.columnNames());
        final ScoreResult result = model.score(values, scorer.errorMetric, scorer.appendColumnErrors);
        final double[] percentiles = scorer.appendTrainingPercentile ? result.trainingPercentiles() : null;
        final double threshold;
        try {
            threshold = rule.threshold(result.rowErrors(), model.trainingErrors());
        } catch (IllegalArgumentException e) {
            throw new BatchFailure(e.getMessage(), e);
        }
        final boolean[] anomaly = new boolean[values.length];
        for (int r = 0; r < values.length; r++) {
            final double score = result.rowErrors()[r];
            if (Double.isNaN(score)) {
                if (filter.missingScores == FilterOptions.MissingScores.FAIL) {
                    throw new BatchFailure("Data row " + (r + 1) + " of " + table.source() + " has no score because "
                        + "of a missing value in a model column (" + result.missingRows() + " such rows in all). Use "
                        + "--missing-scores normal or anomaly, or train with --missing-values impute-mean.");
                }
                anomaly[r] = filter.missingScores == FilterOptions.MissingScores.ANOMALY;
            } else {
                anomaly[r] = rule.isAnomaly(score, threshold);
            }
        }
        return new ScoredTable(table, appended, result, percentiles, rule, threshold, anomaly);
    }

    /**
     * The names of the appended columns for a model of {@code modelColumns}.
     *
     * @throws BatchFailure if one of them is a column of {@code table} already
     */
    static List<String> appendedNames(final List<String> modelColumns, final CsvTable table,
        final ScorerOptions scorer, final FilterOptions filter) {
        final String error = scorer.errorColumn();
        final List<String> names = new ArrayList<>();
        names.add(error);
        if (scorer.appendColumnErrors) {
            modelColumns.forEach(c -> names.add(error + " (" + c + ")"));
        }
        if (scorer.appendTrainingPercentile) {
            names.add(error + " percentile");
        }
        names.add(filter.anomalyColumn());
        final Set<String> taken = new HashSet<>(table.header());
        for (final String name : names) {
            if (!taken.add(name)) {
                throw new BatchFailure(table.source() + " already has a column \"" + name + "\". Choose another name "
                    + "with --error-column or --anomaly-column.");
            }
        }
        return names;
    }

    double[] scores() {
        return scores.clone();
    }

    boolean[] anomaly() {
        return anomaly.clone();
    }

    double threshold() {
        return threshold;
    }

    ThresholdRule rule() {
        return rule;
    }

    ErrorMetric metric() {
        return metric;
    }

    int rowCount() {
        return anomaly.length;
    }

    int anomalyCount() {
        int count = 0;
        for (final boolean a : anomaly) {
            count += a ? 1 : 0;
        }
        return count;
    }

    int missingScores() {
        return missingScores;
    }

    /** Writes all rows to {@code scored} and the anomalies to {@code anomalies}: input columns, then the new ones. */
    void write(final Path scored, final Path anomalies) throws IOException {
        final List<String> header = new ArrayList<>(table.header());
        header.addAll(appendedNames);
        final CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0]))
            .setRecordSeparator('\n').get();
        try (Writer all = Files.newBufferedWriter(scored, StandardCharsets.UTF_8);
                Writer flagged = Files.newBufferedWriter(anomalies, StandardCharsets.UTF_8);
                CSVPrinter allRows = new CSVPrinter(all, format);
                CSVPrinter anomalyRows = new CSVPrinter(flagged, format)) {
            for (int r = 0; r < anomaly.length; r++) {
                final List<String> cells = new ArrayList<>(Arrays.asList(table.row(r)));
                cells.add(number(scores[r]));
                if (columnErrors != null) {
                    Arrays.stream(columnErrors[r]).mapToObj(ScoredTable::number).forEach(cells::add);
                }
                if (percentiles != null) {
                    cells.add(number(percentiles[r]));
                }
                cells.add(Boolean.toString(anomaly[r]));
                allRows.printRecord(cells);
                if (anomaly[r]) {
                    anomalyRows.printRecord(cells);
                }
            }
        }
    }

    /** A score as written: shortest text that reads back to the same double; missing is empty. */
    static String number(final double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
