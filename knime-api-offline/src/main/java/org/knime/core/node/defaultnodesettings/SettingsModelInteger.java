package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's SettingsModelInteger (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelInteger.java); behaviour simplified for tests.
 */
public class SettingsModelInteger extends SettingsModelNumber {

    private int m_value;

    /**
     * @param configName settings key
     * @param defaultValue initial value
     */
    public SettingsModelInteger(final String configName, final int defaultValue) {
        super(configName);
        m_value = defaultValue;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelInteger createClone() {
        return new SettingsModelInteger(getConfigName(), m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_integer";
    }

    /** @param newValue the new value */
    public void setIntValue(final int newValue) {
        boolean changed = m_value != newValue;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public int getIntValue() {
        return m_value;
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        setIntValue(Integer.parseInt(newValueStr));
    }

    @Override
    String getNumberValueStr() {
        return String.valueOf(getIntValue());
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setIntValue(settings.getInt(getConfigName(), m_value));
        } catch (IllegalArgumentException iae) {
            // keep the old value
        } finally {
            notifyChangeListeners();
        }
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getInt(getConfigName()));
    }

    /**
     * @param value a value
     * @throws InvalidSettingsException if not acceptable
     */
    protected void validateValue(final int value) throws InvalidSettingsException {
        // any value
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setIntValue(settings.getInt(getConfigName()));
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addInt(getConfigName(), m_value);
    }
}
