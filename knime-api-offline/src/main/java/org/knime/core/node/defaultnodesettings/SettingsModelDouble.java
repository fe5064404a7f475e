package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's SettingsModelDouble (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelDouble.java); behaviour simplified for tests.
 */
public class SettingsModelDouble extends SettingsModelNumber {

    private double m_value;

    /**
     * @param configName settings key
     * @param defaultValue initial value
     */
    public SettingsModelDouble(final String configName, final double defaultValue) {
        super(configName);
        m_value = defaultValue;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelDouble createClone() {
        return new SettingsModelDouble(getConfigName(), m_value);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_double";
    }

    /** @param newValue the new value */
    public void setDoubleValue(final double newValue) {
        boolean changed = Double.compare(m_value, newValue) != 0;
        m_value = newValue;
        if (changed) {
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public double getDoubleValue() {
        return m_value;
    }

    @Override
    void setNumberValueStr(final String newValueStr) {
        setDoubleValue(Double.parseDouble(newValueStr));
    }

    @Override
    String getNumberValueStr() {
        return String.valueOf(getDoubleValue());
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setDoubleValue(settings.getDouble(getConfigName(), m_value));
        } catch (IllegalArgumentException iae) {
            // keep the old value
        } finally {
            notifyChangeListeners();
        }
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getDouble(getConfigName()));
    }

    /**
     * @param value a value
     * @throws InvalidSettingsException if not acceptable
     */
    protected void validateValue(final double value) throws InvalidSettingsException {
        // any value
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setDoubleValue(settings.getDouble(getConfigName()));
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addDouble(getConfigName(), m_value);
    }
}
