package org.knime.offline.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import org.knime.core.node.BufferedDataTable;

/**
 * Not KNIME API: which columns each iteration of a stand-in table materialized, so that tests can check that a
 * node asks only for the columns it needs (in KNIME, the columnar table backend reads only the columns a
 * {@code TableFilter} names; the row-based backend reads whole rows).
 */
public final class TableReads {

    /** Per table, one entry per iteration: the materialized columns, or empty for all columns. */
    private static final Map<BufferedDataTable, List<Optional<Set<Integer>>>> READS =
        Collections.synchronizedMap(new WeakHashMap<>());

    private TableReads() {
    }

    /**
     * Called by the stand-in table when an iteration starts.
     *
     * @param table the table
     * @param materialized the materialized columns, or null for all
     */
    public static void record(final BufferedDataTable table, final Set<Integer> materialized) {
        READS.computeIfAbsent(table, t -> Collections.synchronizedList(new ArrayList<>()))
            .add(Optional.ofNullable(materialized).map(Set::copyOf));
    }

    /**
     * @param table a table
     * @return its iterations so far, in order: the materialized column indices, or empty for all columns
     */
    public static List<Optional<Set<Integer>>> of(final BufferedDataTable table) {
        final List<Optional<Set<Integer>>> reads = READS.get(table);
        if (reads == null) {
            return List.of();
        }
        synchronized (reads) {
            return List.copyOf(reads);
        }
    }
}
