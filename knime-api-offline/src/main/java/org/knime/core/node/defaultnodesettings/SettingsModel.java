package org.knime.core.node.defaultnodesettings;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's SettingsModel (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModel.java); behaviour simplified for tests.
 */
public abstract class SettingsModel {

    /** Suffix of the key of the config holding a model's id and enabled status. */
    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private final CopyOnWriteArrayList<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    /** Creates a model. */
    public SettingsModel() {
    }

    /**
     * @param <T> the model class
     * @param settings settings to read
     * @return a clone holding the values read
     * @throws InvalidSettingsException if the settings are invalid
     */
    @SuppressWarnings("unchecked")
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        T result = createClone();
        ((SettingsModel)result).m_enabled = m_enabled;
        ((SettingsModel)result).readEnableStatus(settings);
        ((SettingsModel)result).loadSettingsForModel(settings);
        return result;
    }

    /** @param <T> the model class @return a copy */
    protected abstract <T extends SettingsModel> T createClone();

    /** @return the model type id */
    protected abstract String getModelTypeID();

    /** @return the settings key */
    protected abstract String getConfigName();

    /**
     * @param settings settings to read
     * @param specs input specs
     * @throws NotConfigurableException if not applicable
     */
    protected abstract void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException;

    /**
     * @param settings where to save
     * @throws InvalidSettingsException if the value is invalid
     */
    protected abstract void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException;

    /** @param l listener */
    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    /** @param l listener */
    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    /** Notifies all listeners. */
    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        m_listeners.forEach(l -> l.stateChanged(e));
    }

    /** @param enabled the new enabled status */
    public void setEnabled(final boolean enabled) {
        boolean changed = m_enabled != enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return whether the model is enabled */
    public boolean isEnabled() {
        return m_enabled;
    }

    /**
     * @param settings settings to check
     * @throws InvalidSettingsException if they are invalid (only checked when enabled in the settings)
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean old = m_enabled;
        readEnableStatus(settings);
        boolean enabledInSettings = m_enabled;
        m_enabled = old;
        if (enabledInSettings) {
            validateSettingsForModel(settings);
        }
    }

    /**
     * @param settings settings to check
     * @throws InvalidSettingsException if invalid
     */
    protected abstract void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings settings to load
     * @throws InvalidSettingsException if invalid (only thrown when enabled)
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readEnableStatus(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    /**
     * @param settings settings to load
     * @throws InvalidSettingsException if invalid
     */
    protected abstract void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    /** @param settings where to save */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        Config internals = settings.addConfig(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
        saveSettingsForModel(settings);
    }

    /** @param settings where to save */
    protected abstract void saveSettingsForModel(final NodeSettingsWO settings);

    private void readEnableStatus(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (!settings.containsKey(getConfigName() + CFGKEY_INTERNAL)) {
            return;
        }
        Config internals = settings.getConfig(getConfigName() + CFGKEY_INTERNAL);
        m_enabled = internals.getBoolean(CFGKEY_ENABLESTAT);
    }

    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            readEnableStatus(settings);
        } catch (InvalidSettingsException e) {
            // keep the current enabled status
        }
        loadSettingsForDialog(settings, specs);
    }

    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        Config internals = settings.addConfig(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
        saveSettingsForDialog(settings);
    }

    @Override
    public abstract String toString();
}
