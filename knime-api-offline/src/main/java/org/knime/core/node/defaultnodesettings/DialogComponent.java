package org.knime.core.node.defaultnodesettings;

import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's DialogComponent (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponent.java); behaviour simplified for tests (lightweight Swing, headless-safe).
 */
public abstract class DialogComponent {

    private final SettingsModel m_model;

    private final JPanel m_panel = new JPanel();

    private PortObjectSpec[] m_lastSpecs;

    /** @param model the settings model shown by this component */
    public DialogComponent(final SettingsModel model) {
        m_model = model;
        m_model.addChangeListener(e -> updateComponent());
    }

    /** @return the panel holding this component's widgets */
    public JPanel getComponentPanel() {
        return m_panel;
    }

    /** @return the settings model */
    public final SettingsModel getModel() {
        return m_model;
    }

    /** @param portID port index @return the last spec loaded for it, or null */
    protected final PortObjectSpec getLastTableSpec(final int portID) {
        return m_lastSpecs == null || portID >= m_lastSpecs.length ? null : m_lastSpecs[portID];
    }

    /**
     * @param settings settings to show
     * @param specs input specs
     * @throws NotConfigurableException if the component cannot be shown
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs;
        checkConfigurabilityBeforeLoad(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    /** Updates the widgets from the model. */
    protected abstract void updateComponent();

    /**
     * @param settings where to save
     * @throws InvalidSettingsException if the entered value is invalid
     */
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        try {
            validateSettingsBeforeSave();
        } catch (final InvalidSettingsException ise) {
            if (m_model.isEnabled()) {
                throw ise;
            }
        }
        m_model.dlgSaveSettingsTo(settings);
    }

    /** @throws InvalidSettingsException if the entered value is invalid */
    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    /**
     * @param specs input specs
     * @throws NotConfigurableException if the component cannot be shown
     */
    protected abstract void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs)
        throws NotConfigurableException;

    /** @param enabled enabled status */
    public final void setEnabled(final boolean enabled) {
        m_model.setEnabled(enabled);
        setEnabledComponents(enabled);
    }

    /** @param enabled enabled status of the widgets */
    protected abstract void setEnabledComponents(final boolean enabled);

    /** @param text tooltip */
    public abstract void setToolTipText(final String text);
}
