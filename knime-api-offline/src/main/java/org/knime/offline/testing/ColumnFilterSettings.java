package org.knime.offline.testing;

import org.knime.core.node.NodeSettingsWO;

/**
 * Writes the settings a column filter dialog (SettingsModelColumnFilter2) would save, in KNIME's key layout, so that
 * tests can select columns without a dialog.
 */
public final class ColumnFilterSettings {

    private ColumnFilterSettings() {
    }

    /**
     * @param settings node settings to add to
     * @param key the column filter's config name
     * @param includes names to include (enforced: new columns are excluded)
     */
    public static void include(final NodeSettingsWO settings, final String key, final String... includes) {
        write(settings, key, includes, new String[0], true);
    }

    /**
     * @param settings node settings to add to
     * @param key the column filter's config name
     * @param excludes names to exclude (enforced: new columns are included)
     */
    public static void exclude(final NodeSettingsWO settings, final String key, final String... excludes) {
        write(settings, key, new String[0], excludes, false);
    }

    private static void write(final NodeSettingsWO settings, final String key, final String[] includes,
        final String[] excludes, final boolean enforceInclusion) {
        NodeSettingsWO sub = settings.addNodeSettings(key);
        sub.addString("filter-type", "STANDARD");
        sub.addStringArray("included_names", includes);
        sub.addStringArray("excluded_names", excludes);
        sub.addString("enforce_option", enforceInclusion ? "EnforceInclusion" : "EnforceExclusion");
    }
}
