package org.aedetect.autoencoder.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The training data made ready for the epoch loop: scanned once ({@link DataScan}), checked, the
 * normalization fitted, the validation split fixed, and the rows either cached in memory (when they fit
 * the byte budget) or streamed from the source on every pass. Collects the warnings a user should see.
 */
final class TrainingData {

    private final TrainingRows rows;

    private final Normalization normalization;

    private final boolean withinUnitRange;

    private final DataScan scan;

    private final List<String> warnings;

    private TrainingData(final TrainingRows rows, final Normalization normalization, final boolean withinUnitRange,
        final DataScan scan, final List<String> warnings) {
        this.rows = rows;
        this.normalization = normalization;
        this.withinUnitRange = withinUnitRange;
        this.scan = scan;
        this.warnings = warnings;
    }

    /**
     * Reads the data once (checks, normalization, imputation, row counts) and caches it when it fits the
     * budget, asking {@code listener} whether to cancel every batch-size rows of the first pass and of
     * filling the cache.
     *
     * @throws InvalidDataException if the data cannot be trained on (see {@link RowChecks}, no rows, no
     *             columns, a column without values)
     * @throws TrainingCanceledException if the listener cancels
     */
    static TrainingData prepare(final AutoencoderSpec spec, final RowSource input, final long cacheBudgetBytes,
        final TrainingListener listener) {
        final List<String> columns = input.columnNames();
        if (columns.isEmpty()) {
            throw new InvalidDataException("The input has no columns to learn from; include at least one numeric "
                + "column.");
        }
        final Set<String> seen = new HashSet<>();
        for (final String name : columns) {
            if (!seen.add(name)) {
                throw new InvalidDataException("The column name '" + name + "' occurs more than once; a model "
                    + "finds its columns by name when scoring, so every input column needs a unique name. Rename "
                    + "the column.");
            }
        }
        TrainingListener.checkCanceled(listener);
        // the scan's pass is kept (as doubles, up to half the budget) for the cache fill, so that an input that
        // fits is read once; with the float cache (half as large) that stays within three quarters of the budget.
        // Rows in memory already are read again instead: a copy would only double them
        final RowSource source = input.inMemory() ? input : new ReplayedRows(input, cacheBudgetBytes / 2);
        final int checkEvery = Math.max(1, spec.batchSize());
        final List<String> warnings = new ArrayList<>();
        ValidationSplit split = new ValidationSplit(spec.seed(), spec.validationFraction());
        DataScan scan = DataScan.run(source, spec.missingValuePolicy(), split, listener, checkEvery);
        if (scan.totalRows() == 0) {
            throw new InvalidDataException(
                "The input has no rows; the autoencoder needs at least one row to train on.");
        }
        if (scan.trainingRows() + scan.validationRows() == 0) {
            throw new InvalidDataException("All " + scan.totalRows() + " rows have missing values and were skipped, "
                + "so no rows are left to train on. Impute missing values instead of skipping rows.");
        }
        if (scan.trainingRows() == 0) {
            warnings.add("All usable rows fell into the validation part; with so few rows, all of them are used "
                + "for training and there is no validation.");
            split = ValidationSplit.NONE;
            scan = DataScan.run(source, spec.missingValuePolicy(), split, listener, checkEvery);
        } else if (spec.validationFraction() > 0 && scan.validationRows() == 0) {
            warnings.add("No row was held out for validation (too few rows); early stopping watches the training "
                + "loss instead.");
        }
        addDataWarnings(scan, columns.size(), warnings);
        final Normalization normalization = scan.fit(spec.normalization());
        final RowPreparer preparer = new RowPreparer(columns, normalization, spec.missingValuePolicy());
        final StreamedRows streamed =
            new StreamedRows(source, preparer, split, scan.trainingRows(), scan.validationRows());
        final long cacheBytes = CachedRows.bytesNeeded(scan.trainingRows() + scan.validationRows(), columns.size());
        final TrainingRows rows = cacheBytes <= cacheBudgetBytes && cacheBytes / Float.BYTES < Integer.MAX_VALUE
            ? CachedRows.fill(streamed, listener, Math.min(1024, checkEvery)) : streamed;
        return new TrainingData(rows, normalization, scan.normalizedWithinUnitRange(normalization), scan, warnings);
    }

    private static void addDataWarnings(final DataScan scan, final int columns, final List<String> warnings) {
        if (scan.skippedRows() > 0) {
            warnings.add(scan.skippedRows() + " of " + scan.totalRows() + " rows have missing values and were "
                + "skipped.");
        }
        if (scan.imputedRows() > 0) {
            warnings.add(scan.imputedRows() + " training rows have missing values; they were replaced by the "
                + "training mean of their column.");
        }
        final long usable = scan.trainingRows() + scan.validationRows();
        if (scan.trainingRows() == 1) {
            warnings.add("Only one row is available for training; the model learns to reproduce that row and "
                + "its training errors say little about new data.");
        } else if (usable < columns) {
            warnings.add("There are fewer rows (" + usable + ") than columns (" + columns + "); the model can "
                + "memorise the training rows, so its training errors understate the errors on new data.");
        }
        final List<String> constant = scan.constantColumns();
        if (!constant.isEmpty()) {
            warnings.add("These columns have the same value in every training row and carry no information: "
                + String.join(", ", constant) + ".");
        }
    }

    TrainingRows rows() {
        return rows;
    }

    Normalization normalization() {
        return normalization;
    }

    /** True if the normalized training values all lie within [0, 1]. */
    boolean withinUnitRange() {
        return withinUnitRange;
    }

    long trainingRows() {
        return scan.trainingRows();
    }

    long validationRows() {
        return scan.validationRows();
    }

    long skippedRows() {
        return scan.skippedRows();
    }

    List<String> warnings() {
        return warnings;
    }
}
