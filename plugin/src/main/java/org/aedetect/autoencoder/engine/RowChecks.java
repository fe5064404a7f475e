package org.aedetect.autoencoder.engine;

import java.util.List;

/**
 * The checks every input row passes, in training and scoring alike. Infinite values and values beyond
 * the 32-bit float range the network computes in are errors (normalizing them would silently produce
 * infinities or zeros); missing values are reported to the caller, or an error under {@link
 * MissingValuePolicy#FAIL}. Row numbers in messages are 1-based positions in the input.
 */
final class RowChecks {

    private RowChecks() {
    }

    /**
     * @return true if the row has at least one missing value (and the policy allows that)
     * @throws InvalidDataException for infinite or too large values, or a missing value under FAIL
     */
    static boolean hasMissing(final double[] row, final long rowIndex, final List<String> columns,
        final MissingValuePolicy policy) {
        boolean missing = false;
        for (int c = 0; c < row.length; c++) {
            final double v = row[c];
            if (Math.abs(v) <= Float.MAX_VALUE) {
                continue; // the usual case in one comparison: finite, in float range, not NaN
            }
            if (Double.isNaN(v)) {
                if (policy == MissingValuePolicy.FAIL) {
                    throw new InvalidDataException("Column '" + columns.get(c) + "' has a missing value in row "
                        + (rowIndex + 1) + ". Choose to skip rows with missing values or to impute the mean, or "
                        + "fill in the missing values before this node.");
                }
                missing = true;
            } else if (Double.isInfinite(v)) {
                throw new InvalidDataException("Column '" + columns.get(c) + "' has an infinite value (" + v
                    + ") in row " + (rowIndex + 1) + ". Replace or filter infinite values before this node.");
            } else if (Math.abs(v) > Float.MAX_VALUE) {
                throw new InvalidDataException("Column '" + columns.get(c) + "' has the value " + v + " in row "
                    + (rowIndex + 1) + ", which is too large: the network computes with 32-bit numbers, which reach "
                    + "about 3.4E38. Rescale the column (e.g. take a logarithm) before this node.");
            }
        }
        return missing;
    }
}
