package org.knime.core.node.defaultnodesettings;

/**
 * Offline stand-in for KNIME's SettingsModelNumber (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelNumber.java); behaviour simplified for tests.
 */
public abstract class SettingsModelNumber extends SettingsModel {

    /** @return the value as string */
    abstract String getNumberValueStr();

    /** @param newValueStr the value as string */
    abstract void setNumberValueStr(final String newValueStr);
}
