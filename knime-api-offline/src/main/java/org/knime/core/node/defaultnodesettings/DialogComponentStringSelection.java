package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.Collection;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's DialogComponentStringSelection (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentStringSelection.java); behaviour simplified for tests (lightweight Swing, headless-safe).
 */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JLabel m_label;

    private final JComboBox<String> m_box;

    /**
     * @param stringModel the model
     * @param label the label
     * @param list the choices
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    /**
     * @param stringModel the model
     * @param label the label
     * @param list the choices
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of options shouldn't be null or empty");
        }
        m_label = new JLabel(label);
        m_box = new JComboBox<>(list.toArray(new String[0]));
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_box);
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        String value = ((SettingsModelString)getModel()).getStringValue();
        if (value != null) {
            m_box.setSelectedItem(value);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        Object selected = m_box.getSelectedItem();
        if (selected == null) {
            throw new InvalidSettingsException("Please select an item from the list.");
        }
        ((SettingsModelString)getModel()).setStringValue(selected.toString());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // always configurable
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_box.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_box.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
