package org.knime.core.node.port.image;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * Offline stand-in for KNIME's ImagePortObjectSpec (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/image/ImagePortObjectSpec.java); behaviour simplified for tests.
 * Saves the cell class name of its type (KNIME saves the whole {@code DataType}).
 */
public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Serializer, registered for {@code org.knime.core} by the stand-in {@code PortTypeRegistry}. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ImagePortObjectSpec> {
    }

    private static final String CFG_CELL_CLASS = "cell_class";

    private DataType m_type;

    /** @param type the type of the cell the image becomes */
    public ImagePortObjectSpec(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_type = type;
    }

    /** Framework constructor - do not use. */
    public ImagePortObjectSpec() {
    }

    /** @return the type of the cell the image becomes */
    public DataType getDataType() {
        return m_type;
    }

    @Override
    public JComponent[] getViews() {
        JLabel l = new JLabel("Image of type \"" + getDataType() + "\"");
        l.setName("Image Spec");
        return new JComponent[]{l};
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        String cellClass = model.getString(CFG_CELL_CLASS);
        try {
            m_type = DataType.getType(Class.forName(cellClass).asSubclass(DataCell.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new InvalidSettingsException("Unknown cell class " + cellClass, e);
        }
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(CFG_CELL_CLASS, m_type.getCellClass().getName());
    }
}
