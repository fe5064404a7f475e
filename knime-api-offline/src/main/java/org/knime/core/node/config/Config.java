package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/**
 * Offline stand-in for KNIME's Config (knime-core org.knime.core/src/eclipse/org/knime/core/node/config/Config.java); behaviour simplified for tests.
 */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    /** @param key this config's key */
    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(final String key);

    @Override
    public final Config addConfig(final String key) {
        return (Config)addConfigBase(key);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!(c instanceof Config)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" is not a config.");
        }
        return (Config)c;
    }
}
