package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.streamable.StreamableFunction;

/**
 * Offline stand-in for KNIME's ColumnRearranger (knime-core org.knime.core/src/eclipse/org/knime/core/data/container/ColumnRearranger.java); behaviour simplified for tests.
 */
public class ColumnRearranger {

    /** One output column: either an input column or the n-th column of a cell factory. */
    private static final class Slot {
        final int m_inIndex;

        final CellFactory m_factory;

        final int m_factoryColumn;

        final DataColumnSpec m_spec;

        Slot(final int inIndex, final CellFactory factory, final int factoryColumn, final DataColumnSpec spec) {
            m_inIndex = inIndex;
            m_factory = factory;
            m_factoryColumn = factoryColumn;
            m_spec = spec;
        }
    }

    private final DataTableSpec m_original;

    private final List<Slot> m_slots = new ArrayList<>();

    /** @param original the input spec */
    public ColumnRearranger(final DataTableSpec original) {
        m_original = original;
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_slots.add(new Slot(i, null, -1, original.getColumnSpec(i)));
        }
    }

    /** @param colIndices current indices of the columns to keep */
    public final void keepOnly(final int... colIndices) {
        List<Slot> kept = new ArrayList<>();
        for (int i : Arrays.stream(colIndices).sorted().distinct().toArray()) {
            kept.add(m_slots.get(i));
        }
        m_slots.clear();
        m_slots.addAll(kept);
    }

    /** @param colNames names of the columns to keep */
    public final void keepOnly(final String... colNames) {
        keepOnly(indicesOf(colNames));
    }

    /** @param colIndices current indices of the columns to remove */
    public final void remove(final int... colIndices) {
        int[] sorted = Arrays.stream(colIndices).sorted().distinct().toArray();
        for (int i = sorted.length - 1; i >= 0; i--) {
            m_slots.remove(sorted[i]);
        }
    }

    /** @param colNames names of the columns to remove */
    public final void remove(final String... colNames) {
        remove(indicesOf(colNames));
    }

    /**
     * @param colName a column name
     * @return its current index or -1
     */
    public final int indexOf(final String colName) {
        for (int i = 0; i < m_slots.size(); i++) {
            if (m_slots.get(i).m_spec.getName().equals(colName)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the current number of columns */
    public final int getColumnCount() {
        return m_slots.size();
    }

    /**
     * @param from current index
     * @param to target index
     */
    public final void move(final int from, final int to) {
        Slot s = m_slots.remove(from);
        m_slots.add(to > from ? to - 1 : to, s);
    }

    /**
     * @param position where to insert the factory's columns
     * @param fac the factory
     */
    public final void insertAt(final int position, final CellFactory fac) {
        DataColumnSpec[] specs = fac.getColumnSpecs();
        for (int i = 0; i < specs.length; i++) {
            m_slots.add(position + i, new Slot(-1, fac, i, specs[i]));
        }
    }

    /** @param fac the factory whose columns to append */
    public final void append(final CellFactory fac) {
        insertAt(m_slots.size(), fac);
    }

    /**
     * @param newCol a factory producing one column
     * @param colName the column to replace
     */
    public final void replace(final CellFactory newCol, final String colName) {
        replace(newCol, indicesOf(colName));
    }

    /**
     * @param fac a factory producing as many columns as indices given
     * @param colIndex the columns to replace
     */
    public final void replace(final CellFactory fac, final int... colIndex) {
        DataColumnSpec[] specs = fac.getColumnSpecs();
        if (specs.length != colIndex.length) {
            throw new IndexOutOfBoundsException(
                "Factory creates " + specs.length + " columns but " + colIndex.length + " are to be replaced.");
        }
        for (int i = 0; i < colIndex.length; i++) {
            m_slots.set(colIndex[i], new Slot(-1, fac, i, specs[i]));
        }
    }

    /** @return the output spec */
    public final DataTableSpec createSpec() {
        return new DataTableSpec(m_original.getName(),
            m_slots.stream().map(s -> s.m_spec).toArray(DataColumnSpec[]::new));
    }

    /** @return a function applying this rearrangement row by row (port 0 to port 0) */
    public final StreamableFunction createStreamableFunction() {
        return createStreamableFunction(0, 0);
    }

    /**
     * @param inPortIdx the streamed input port
     * @param outPortIdx the streamed output port
     * @return a function applying this rearrangement row by row
     */
    public final StreamableFunction createStreamableFunction(final int inPortIdx, final int outPortIdx) {
        List<Slot> slots = new ArrayList<>(m_slots);
        return new StreamableFunction(inPortIdx, outPortIdx) {
            @Override
            public DataRow compute(final DataRow input, final long rowIndex) throws Exception {
                Map<CellFactory, DataCell[]> computed = new IdentityHashMap<>();
                DataCell[] cells = new DataCell[slots.size()];
                for (int i = 0; i < cells.length; i++) {
                    Slot s = slots.get(i);
                    if (s.m_factory == null) {
                        cells[i] = input.getCell(s.m_inIndex);
                    } else {
                        DataCell[] fromFactory = computed.get(s.m_factory);
                        if (fromFactory == null) {
                            fromFactory = s.m_factory.getCells(input, rowIndex);
                            if (fromFactory == null || fromFactory.length != s.m_factory.getColumnSpecs().length) {
                                throw new IllegalStateException("Cell factory " + s.m_factory.getClass().getName()
                                    + " returned a wrong number of cells for row \"" + input.getKey() + "\".");
                            }
                            computed.put(s.m_factory, fromFactory);
                        }
                        cells[i] = fromFactory[s.m_factoryColumn];
                    }
                }
                return new DefaultRow(input.getKey(), cells);
            }

            @Override
            public void finish() {
                slots.stream().map(s -> s.m_factory).filter(f -> f instanceof AbstractCellFactory).distinct()
                    .forEach(f -> ((AbstractCellFactory)f).afterProcessing());
            }
        };
    }

    private int[] indicesOf(final String... names) {
        int[] result = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = indexOf(names[i]);
            if (result[i] < 0) {
                throw new IllegalArgumentException("No such column: " + names[i]);
            }
        }
        return result;
    }
}
