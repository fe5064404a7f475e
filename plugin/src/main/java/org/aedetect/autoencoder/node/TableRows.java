package org.aedetect.autoencoder.node;

import java.util.List;
import java.util.stream.IntStream;

import org.aedetect.autoencoder.engine.RowCursor;
import org.aedetect.autoencoder.engine.RowSource;
import org.aedetect.autoencoder.engine.RowValues;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.filter.TableFilter;
import org.knime.core.node.BufferedDataTable;

/**
 * The numeric columns of a KNIME table as the engine's {@link RowSource}: each pass iterates the table
 * again (nothing is copied), materializing only those columns; missing cells become NaN.
 */
public final class TableRows implements RowSource {

    private final BufferedDataTable m_table;

    private final List<String> m_columns;

    private final int[] m_indices;

    /** Materializes only {@link #m_indices}. */
    private final TableFilter m_filter;

    /**
     * @param table the table
     * @param columns the columns to read, all compatible with {@link DoubleValue}
     */
    public TableRows(final BufferedDataTable table, final List<String> columns) {
        m_table = table;
        m_columns = List.copyOf(columns);
        m_indices = indicesOf(table.getDataTableSpec(), columns);
        m_filter = only(m_indices);
    }

    /**
     * @param spec a table spec
     * @param columns column names present in it
     * @return their indices
     */
    public static int[] indicesOf(final DataTableSpec spec, final List<String> columns) {
        int[] indices = new int[columns.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = spec.findColumnIndex(columns.get(i));
            if (indices[i] < 0) {
                throw new IllegalArgumentException("The input table has no column \"" + columns.get(i) + "\".");
            }
        }
        return indices;
    }

    /**
     * A filter for reading only the given columns: KNIME's columnar backend then reads no other column (its
     * row-based backend reads whole rows anyway).
     *
     * @param indices column indices, repeats allowed
     * @return the filter
     */
    public static TableFilter only(final int[] indices) {
        return TableFilter.materializeCols(IntStream.of(indices).distinct().toArray());
    }

    /**
     * Reads the selected cells of a row into {@code into}; missing cells become NaN.
     *
     * @param row the row
     * @param indices the column indices
     * @param into the target, one value per index
     */
    public static void read(final DataRow row, final int[] indices, final double[] into) {
        for (int i = 0; i < indices.length; i++) {
            DataCell cell = row.getCell(indices[i]);
            into[i] = cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
        }
    }

    /**
     * The values of {@code rows[i]} for the engine's scoring: {@link #read} into the scratch array of the scoring
     * thread that asks (the rows are only read, so several threads may ask at once).
     *
     * @param rows the rows, by index
     * @param indices the column indices
     * @return the rows' values
     */
    public static RowValues values(final DataRow[] rows, final int[] indices) {
        return (i, scratch) -> {
            read(rows[i], indices, scratch);
            return scratch;
        };
    }

    @Override
    public List<String> columnNames() {
        return m_columns;
    }

    @Override
    public RowCursor open() {
        CloseableRowIterator it = m_table.filter(m_filter).iterator();
        return new RowCursor() {
            @Override
            public boolean next(final double[] into) {
                if (!it.hasNext()) {
                    return false;
                }
                read(it.next(), m_indices, into);
                return true;
            }

            @Override
            public void close() {
                it.close();
            }
        };
    }
}
