package org.aedetect.autoencoder.engine;

import java.util.List;

/**
 * Numeric rows that can be read more than once, in the same order each time, for example a KNIME
 * table. Training reads it once if the rows fit into the trainer's memory budget (the first pass, which
 * fits the normalization, is kept and replayed to fill the row cache, unless the source is
 * {@link #inMemory}); otherwise once to fit the
 * normalization and then once per epoch. Missing cells are NaN (see {@link RowCursor}); error messages name
 * rows by their 1-based position in a pass.
 */
public interface RowSource {

    /** The column names, in the order of the values in each row. */
    List<String> columnNames();

    /** Starts a new pass from the first row. */
    RowCursor open();

    /**
     * Whether the rows are in memory already, so that another pass costs no more than reading a copy of them
     * would: training then keeps no copy of its first pass.
     */
    default boolean inMemory() {
        return false;
    }
}
