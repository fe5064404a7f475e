package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Offline stand-in for KNIME's ConfigBaseRO (knime-shared org.knime.core.util/src/main/java/org/knime/core/node/config/base/ConfigBaseRO.java); behaviour simplified for tests.
 */
public interface ConfigBaseRO {

    /**
     * @param key the key of a sub-config
     * @return the sub-config
     * @throws InvalidSettingsException if there is none
     */
    public ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    /**
     * @param os where to write this config as XML; not closed
     * @throws IOException on write failure
     */
    public void saveToXML(final OutputStream os) throws IOException;

    /** @param config where to copy all entries to */
    public void copyTo(ConfigBaseWO config);

    /** @return this config's key */
    public String getKey();

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public int getInt(final String key) throws InvalidSettingsException;

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public double getDouble(final String key) throws InvalidSettingsException;

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public long getLong(final String key) throws InvalidSettingsException;

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public String getString(final String key) throws InvalidSettingsException;

    /** @return all keys */
    public Set<String> keySet();

    /** @param key key @return whether present */
    public boolean containsKey(final String key);

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public boolean getBoolean(final String key) throws InvalidSettingsException;

    /** @param key key @param def default @return value or default */
    public int getInt(final String key, final int def);

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public int[] getIntArray(final String key) throws InvalidSettingsException;

    /** @param key key @param def default @return value or default */
    public int[] getIntArray(final String key, final int... def);

    /** @param key key @param def default @return value or default */
    public double getDouble(final String key, final double def);

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public double[] getDoubleArray(final String key) throws InvalidSettingsException;

    /** @param key key @param def default @return value or default */
    public double[] getDoubleArray(final String key, final double... def);

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public long[] getLongArray(final String key) throws InvalidSettingsException;

    /** @param key key @param def default @return value or default */
    public long[] getLongArray(final String key, final long... def);

    /** @param key key @param def default @return value or default */
    public long getLong(final String key, final long def);

    /** @param key key @param def default @return value or default */
    public boolean getBoolean(final String key, final boolean def);

    /** @param key key @param def default @return value or default */
    public String getString(final String key, final String def);

    /** @param key key @return value @throws InvalidSettingsException if absent or of another type */
    public String[] getStringArray(final String key) throws InvalidSettingsException;

    /** @param key key @param def default @return value or default */
    public String[] getStringArray(final String key, final String... def);

    /** @return iterator over the keys */
    public Iterator<String> iterator();
}
