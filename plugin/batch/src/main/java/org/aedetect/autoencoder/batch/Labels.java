package org.aedetect.autoencoder.batch;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The known class of each row, from a label column: true where the cell equals the anomaly label
 * (as text ignoring case, or numerically when both are numbers). Rows with a missing label are left
 * out of the evaluation.
 *
 * @param column the label column's name
 * @param anomalyLabel the value that marks an anomaly
 * @param anomaly per row: is it a real anomaly
 * @param known per row: does it have a label
 */
record Labels(String column, String anomalyLabel, boolean[] anomaly, boolean[] known) {

    static Labels read(final CsvTable table, final String column, final String anomalyLabel) {
        final int index = table.index(column, "the --label-column");
        final boolean[] anomaly = new boolean[table.rowCount()];
        final boolean[] known = new boolean[table.rowCount()];
        final Set<String> seen = new LinkedHashSet<>();
        boolean any = false;
        for (int r = 0; r < table.rowCount(); r++) {
            final String cell = table.row(r)[index];
            known[r] = !CsvTable.isMissing(cell);
            if (known[r]) {
                anomaly[r] = same(cell, anomalyLabel);
                any |= anomaly[r];
                if (seen.size() < 10) {
                    seen.add(cell);
                }
            }
        }
        if (!any) {
            throw new BatchFailure("The label column \"" + column + "\" has no row with the anomaly label \""
                + anomalyLabel + "\". Set --anomaly-label to the value that marks an anomaly; the column holds e.g.: "
                + String.join(", ", seen) + ".");
        }
        return new Labels(column, anomalyLabel, anomaly, known);
    }

    private static boolean same(final String cell, final String label) {
        if (cell.toLowerCase(Locale.ROOT).equals(label.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            return Double.parseDouble(cell) == Double.parseDouble(label.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The metrics of {@code scores} and {@code flags} over the labelled rows. */
    LabelMetrics evaluate(final double[] scores, final boolean[] flags) {
        int n = 0;
        for (final boolean k : known) {
            n += k ? 1 : 0;
        }
        final double[] s = new double[n];
        final boolean[] f = new boolean[n];
        final boolean[] l = new boolean[n];
        int next = 0;
        for (int r = 0; r < known.length; r++) {
            if (known[r]) {
                s[next] = scores[r];
                f[next] = flags[r];
                l[next++] = anomaly[r];
            }
        }
        return LabelMetrics.of(s, f, l);
    }
}
