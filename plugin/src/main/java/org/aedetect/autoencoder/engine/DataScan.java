package org.aedetect.autoencoder.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first pass over the training data: checks every row, counts training, validation and skipped
 * rows, and collects per-column minimum, maximum, mean and spread of the training rows (validation
 * rows do not influence the normalization), from which {@link #fit} derives the {@link Normalization}.
 */
final class DataScan {

    private final List<String> columns;

    private long totalRows;

    private long trainingRows;

    private long validationRows;

    private long skippedRows;

    private long imputedRows;

    private final double[] min;

    private final double[] max;

    private final double[] mean;

    private final double[] squaredDeviations;

    private final long[] present;

    private DataScan(final List<String> columns) {
        this.columns = columns;
        final int n = columns.size();
        min = new double[n];
        max = new double[n];
        mean = new double[n];
        squaredDeviations = new double[n];
        present = new long[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * Reads {@code source} once, asking {@code listener} whether to cancel every {@code checkEvery} rows.
     *
     * @throws TrainingCanceledException if the listener cancels
     */
    static DataScan run(final RowSource source, final MissingValuePolicy policy, final ValidationSplit split,
        final TrainingListener listener, final int checkEvery) {
        final DataScan scan = new DataScan(source.columnNames());
        final double[] row = new double[scan.columns.size()];
        try (RowCursor cursor = source.open()) {
            int sinceCheck = 0;
            while (cursor.next(row)) {
                scan.add(row, policy, split);
                if (++sinceCheck >= checkEvery) {
                    sinceCheck = 0;
                    TrainingListener.checkCanceled(listener);
                }
            }
        }
        return scan;
    }

    private void add(final double[] row, final MissingValuePolicy policy, final ValidationSplit split) {
        final long index = totalRows++;
        final boolean missing = RowChecks.hasMissing(row, index, columns, policy);
        if (missing && policy == MissingValuePolicy.SKIP_ROW) {
            skippedRows++;
            return;
        }
        if (split.isValidation(index)) {
            validationRows++;
            return;
        }
        trainingRows++;
        if (missing) {
            imputedRows++;
        }
        for (int c = 0; c < row.length; c++) {
            final double v = row[c];
            if (Double.isNaN(v)) {
                continue;
            }
            min[c] = Math.min(min[c], v);
            max[c] = Math.max(max[c], v);
            // Welford's update: stable for large values such as 1e30 where sum-of-squares loses all digits
            final long n = ++present[c];
            final double delta = v - mean[c];
            mean[c] += delta / n;
            squaredDeviations[c] += delta * (v - mean[c]);
        }
    }

    long totalRows() {
        return totalRows;
    }

    long trainingRows() {
        return trainingRows;
    }

    long validationRows() {
        return validationRows;
    }

    long skippedRows() {
        return skippedRows;
    }

    /** Training rows in which missing values get imputed. */
    long imputedRows() {
        return imputedRows;
    }

    /**
     * The normalization of the training rows.
     *
     * @throws InvalidDataException if a column has no value at all in the training rows
     */
    Normalization fit(final NormalizationKind kind) {
        final int n = columns.size();
        final double[] offset = new double[n];
        final double[] scale = new double[n];
        for (int c = 0; c < n; c++) {
            if (present[c] == 0) {
                throw new InvalidDataException("Column '" + columns.get(c) + "' has no values in the training rows "
                    + "(all are missing), so it cannot be learned or imputed. Exclude the column.");
            }
            final double spread = switch (kind) {
                case NONE -> 1;
                case MIN_MAX -> max[c] - min[c];
                case Z_SCORE -> Math.sqrt(squaredDeviations[c] / present[c]);
            };
            offset[c] = switch (kind) {
                case NONE -> 0;
                case MIN_MAX -> min[c];
                case Z_SCORE -> mean[c];
            };
            scale[c] = spread > 0 && Double.isFinite(spread) ? spread : 1;
        }
        return new Normalization(kind, offset, scale, mean);
    }

    /** True if every training value lies within [0, 1] after {@code normalization}. */
    boolean normalizedWithinUnitRange(final Normalization normalization) {
        for (int c = 0; c < columns.size(); c++) {
            if (normalization.apply(c, min[c]) < 0 || normalization.apply(c, max[c]) > 1) {
                return false;
            }
        }
        return true;
    }

    /** Names of the columns with a single value across the training rows. */
    List<String> constantColumns() {
        final List<String> constant = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (present[c] > 1 && min[c] == max[c]) {
                constant.add(columns.get(c));
            }
        }
        return constant;
    }
}
