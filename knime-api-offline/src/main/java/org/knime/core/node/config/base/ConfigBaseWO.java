package org.knime.core.node.config.base;

/**
 * Offline stand-in for KNIME's ConfigBaseWO (knime-shared org.knime.core.util/src/main/java/org/knime/core/node/config/base/ConfigBaseWO.java); behaviour simplified for tests.
 */
public interface ConfigBaseWO {

    /** @param key key @return a new sub-config */
    ConfigBase addConfigBase(String key);

    /** @return this config's key */
    String getKey();

    /** @param key key @param value value */
    public void addInt(final String key, final int value);

    /** @param key key @param value value */
    public void addDouble(final String key, final double value);

    /** @param key key @param value value */
    public void addLong(final String key, final long value);

    /** @param key key @param value value, may be null */
    public void addString(final String key, final String value);

    /** @param key key @param value value */
    public void addBoolean(final String key, final boolean value);

    /** @param key key @param values values, may be null */
    public void addIntArray(final String key, final int... values);

    /** @param key key @param values values, may be null */
    public void addDoubleArray(final String key, final double... values);

    /** @param key key @param values values, may be null */
    public void addLongArray(final String key, final long... values);

    /** @param key key @param values values, may be null */
    public void addStringArray(final String key, final String... values);
}
