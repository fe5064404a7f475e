package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsWO;

/**
 * Offline stand-in for KNIME's SettingsModelNumber (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelNumber.java); behaviour simplified for tests.
 */
public abstract class SettingsModelNumber extends SettingsModel {

    private final String m_configName;

    /** Stand-in only: the settings key shared by the integer, long and double models. */
    SettingsModelNumber(final String configName) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

    /** @return the value as string */
    abstract String getNumberValueStr();

    /** @param newValueStr the value as string */
    abstract void setNumberValueStr(final String newValueStr);
}
