package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's SettingsModelLong (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelLong.java); behaviour simplified for tests.
 */
public class SettingsModelLong extends SettingsModelNumber {

    private long m_value;

    /**
     * @param configName settings key
     * @param defaultValue initial value
     */
    public SettingsModelLong(final String configName, final long defaultValue) {
        super(configName);
        m_value = defaultValue;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelLong createClone() {
        return new SettingsModelLong(getConfigName(), m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMN_long";
    }

    /** @param newValue the new value */
    public void setLongValue(final long newValue) {
        boolean changed = m_value != newValue;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public long getLongValue() {
        return m_value;
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        setLongValue(Long.parseLong(newValueStr));
    }

    @Override
    String getNumberValueStr() {
        return String.valueOf(getLongValue());
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setLongValue(settings.getLong(getConfigName(), m_value));
        } catch (IllegalArgumentException iae) {
            // keep the old value
        } finally {
            notifyChangeListeners();
        }
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getLong(getConfigName()));
    }

    /**
     * @param value a value
     * @throws InvalidSettingsException if not acceptable
     */
    protected void validateValue(final long value) throws InvalidSettingsException {
        // any value
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setLongValue(settings.getLong(getConfigName()));
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addLong(getConfigName(), m_value);
    }
}
