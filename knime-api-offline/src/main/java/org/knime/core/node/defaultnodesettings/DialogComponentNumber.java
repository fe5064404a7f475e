package org.knime.core.node.defaultnodesettings;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's DialogComponentNumber (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentNumber.java); behaviour simplified for tests (lightweight Swing, headless-safe).
 */
public class DialogComponentNumber extends DialogComponent {

    private final JLabel m_label;

    private final JTextField m_field;

    /**
     * @param numberModel the model
     * @param label the label
     * @param stepSize spinner step (unused offline)
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    /**
     * @param numberModel the model
     * @param label the label
     * @param stepSize spinner step (unused offline)
     * @param compWidth width in characters
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        m_label = new JLabel(label);
        m_field = new JTextField(compWidth);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_field);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        String value = ((SettingsModelNumber)getModel()).getNumberValueStr();
        if (!value.equals(m_field.getText())) {
            m_field.setText(value);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            ((SettingsModelNumber)getModel()).setNumberValueStr(m_field.getText().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(
                "Invalid value for \"" + m_label.getText() + "\": " + e.getMessage(), e);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
