package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's DialogComponentBoolean (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentBoolean.java); behaviour simplified for tests (lightweight Swing, headless-safe).
 */
public final class DialogComponentBoolean extends DialogComponent {

    private final JCheckBox m_checkbox;

    /**
     * @param booleanModel the model
     * @param label the check box text
     */
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_checkbox = new JCheckBox(label);
        m_checkbox.addItemListener(e -> booleanModel.setBooleanValue(m_checkbox.isSelected()));
        getComponentPanel().add(m_checkbox);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        boolean value = ((SettingsModelBoolean)getModel()).getBooleanValue();
        if (m_checkbox.isSelected() != value) {
            m_checkbox.setSelected(value);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelBoolean)getModel()).setBooleanValue(m_checkbox.isSelected());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_checkbox.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_checkbox.setToolTipText(text);
    }
}
