package org.knime.core.data.container.filter;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Offline stand-in for KNIME's TableFilter (knime-core
 * org.knime.core/src/eclipse/org/knime/core/data/container/filter/TableFilter.java): only the column filter.
 */
public final class TableFilter {

    private final Set<Integer> m_columnIndices;

    private TableFilter(final Set<Integer> columnIndices) {
        m_columnIndices = columnIndices;
    }

    /**
     * @return the indices of the columns to materialize (in KNIME empty when all are; the stand-in's filters always
     *         name them)
     */
    public Optional<Set<Integer>> getMaterializeColumnIndices() {
        return Optional.of(m_columnIndices);
    }

    /**
     * A filter that materializes only the given columns; cells of the other columns are
     * {@link org.knime.core.data.UnmaterializedCell}s.
     *
     * @param indices the column indices, no duplicates
     * @return the filter
     * @throws IllegalArgumentException on a duplicate index
     */
    public static TableFilter materializeCols(final int... indices) {
        if (indices == null) {
            throw new IllegalArgumentException("Argument must not be null.");
        }
        final Set<Integer> set = new HashSet<>();
        for (final int index : indices) {
            if (!set.add(index)) {
                throw new IllegalArgumentException("Duplicate index: " + index);
            }
        }
        return new TableFilter(Set.copyOf(set));
    }
}
