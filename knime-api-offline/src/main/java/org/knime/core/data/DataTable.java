package org.knime.core.data;

/**
 * Offline stand-in for KNIME's DataTable (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataTable.java); behaviour simplified for tests.
 */
public interface DataTable extends Iterable<DataRow> {

    /** @return the table spec */
    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
