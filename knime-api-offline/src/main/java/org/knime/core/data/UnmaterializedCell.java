package org.knime.core.data;

/**
 * Offline stand-in for KNIME's UnmaterializedCell (knime-core
 * org.knime.core/src/eclipse/org/knime/core/data/UnmaterializedCell.java): the cell a filtered table gives for a
 * column it did not materialize.
 */
public final class UnmaterializedCell extends DataCell {

    private static final long serialVersionUID = 1L;

    private static final UnmaterializedCell INSTANCE = new UnmaterializedCell();

    private UnmaterializedCell() {
    }

    /** @return the one instance */
    public static UnmaterializedCell getInstance() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "!";
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        throw new UnmaterializedDataCellException();
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Thrown when an unmaterialized cell is used. */
    public static final class UnmaterializedDataCellException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** A new exception. */
        public UnmaterializedDataCellException() {
            super("Data cell is not materialized and cannot be accessed.");
        }
    }
}
