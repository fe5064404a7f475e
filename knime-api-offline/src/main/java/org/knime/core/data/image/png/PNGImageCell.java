package org.knime.core.data.image.png;

import java.util.Arrays;

import org.knime.core.data.DataCell;

/**
 * Offline stand-in for KNIME's PNGImageCell (knime-core org.knime.core/src/eclipse/org/knime/core/data/image/png/PNGImageCell.java); behaviour simplified for tests.
 * Only the cell type that {@link PNGImageContent#TYPE} names; no value interfaces, no serializer.
 */
public class PNGImageCell extends DataCell {

    private static final long serialVersionUID = 1L;

    private final PNGImageContent m_content;

    PNGImageCell(final PNGImageContent content) {
        m_content = content;
    }

    /** @return the image */
    public PNGImageContent getImageContent() {
        return m_content;
    }

    @Override
    public String toString() {
        return m_content.getSummary();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Arrays.equals(((PNGImageCell)dc).m_content.getByteArrayReference(), m_content.getByteArrayReference());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_content.getByteArrayReference());
    }
}
