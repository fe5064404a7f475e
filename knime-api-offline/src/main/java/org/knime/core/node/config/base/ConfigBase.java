package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FilterInputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.knime.core.node.InvalidSettingsException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Offline stand-in for KNIME's ConfigBase (knime-shared org.knime.core.util/src/main/java/org/knime/core/node/config/base/ConfigBase.java); behaviour simplified for tests.
 */
public abstract class ConfigBase implements ConfigBaseRO, ConfigBaseWO {

    private final String m_key;

    private final Map<String, Object> m_entries = new LinkedHashMap<>();

    /** @param key this config's key */
    protected ConfigBase(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null.");
        }
        m_key = key;
    }

    /**
     * @param key key of the new instance
     * @return a new, empty config of this config's class
     */
    protected abstract ConfigBase getInstance(final String key);

    @Override
    public String getKey() {
        return m_key;
    }

    private void put(final String key, final Object value) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null.");
        }
        m_entries.put(key, value);
    }

    private <T> T get(final String key, final Class<T> type) throws InvalidSettingsException {
        if (!m_entries.containsKey(key)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        Object v = m_entries.get(key);
        if (v != null && !type.isInstance(v)) {
            throw new InvalidSettingsException("Type mismatch for key \"" + key + "\": expected "
                + type.getSimpleName() + ", found " + v.getClass().getSimpleName() + ".");
        }
        return type.cast(v);
    }

    private <T> T getNonNull(final String key, final Class<T> type) throws InvalidSettingsException {
        T v = get(key, type);
        if (v == null) {
            throw new InvalidSettingsException("Value for key \"" + key + "\" is null.");
        }
        return v;
    }

    private <T> T getOrDefault(final String key, final Class<T> type, final T def) {
        try {
            return m_entries.containsKey(key) ? get(key, type) : def;
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public ConfigBase addConfigBase(final String key) {
        ConfigBase c = getInstance(key);
        put(key, c);
        return c;
    }

    @Override
    public ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        return getNonNull(key, ConfigBase.class);
    }

    /**
     * Adds a sub-config as it is (no copy).
     *
     * @param config the sub-config; its key is used
     */
    protected final void addConfigBaseEntry(final ConfigBase config) {
        put(config.getKey(), config);
    }

    @Override
    public void addInt(final String key, final int value) {
        put(key, value);
    }

    @Override
    public void addDouble(final String key, final double value) {
        put(key, value);
    }

    @Override
    public void addLong(final String key, final long value) {
        put(key, value);
    }

    @Override
    public void addString(final String key, final String value) {
        put(key, new StringBox(value));
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        put(key, value);
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        put(key, values == null ? null : values.clone());
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return getNonNull(key, Integer.class);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return getNonNull(key, Double.class);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return getNonNull(key, Long.class);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return getNonNull(key, StringBox.class).m_value;
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return getNonNull(key, Boolean.class);
    }

    @Override
    public int getInt(final String key, final int def) {
        Integer v = getOrDefault(key, Integer.class, def);
        return v == null ? def : v;
    }

    @Override
    public double getDouble(final String key, final double def) {
        Double v = getOrDefault(key, Double.class, def);
        return v == null ? def : v;
    }

    @Override
    public long getLong(final String key, final long def) {
        Long v = getOrDefault(key, Long.class, def);
        return v == null ? def : v;
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        Boolean v = getOrDefault(key, Boolean.class, def);
        return v == null ? def : v;
    }

    @Override
    public String getString(final String key, final String def) {
        StringBox v = getOrDefault(key, StringBox.class, new StringBox(def));
        return v == null ? def : v.m_value;
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        int[] v = get(key, int[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        int[] v = getOrDefault(key, int[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        double[] v = get(key, double[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        double[] v = getOrDefault(key, double[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        long[] v = get(key, long[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        long[] v = getOrDefault(key, long[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        String[] v = get(key, String[].class);
        return v == null ? null : v.clone();
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        String[] v = getOrDefault(key, String[].class, def);
        return v == null ? null : v.clone();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_entries.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return m_entries.containsKey(key);
    }

    @Override
    public Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public void copyTo(final ConfigBaseWO config) {
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v instanceof ConfigBase) {
                ((ConfigBase)v).copyTo(config.addConfigBase(k));
            } else if (v instanceof StringBox) {
                config.addString(k, ((StringBox)v).m_value);
            } else if (v instanceof Integer) {
                config.addInt(k, (Integer)v);
            } else if (v instanceof Double) {
                config.addDouble(k, (Double)v);
            } else if (v instanceof Long) {
                config.addLong(k, (Long)v);
            } else if (v instanceof Boolean) {
                config.addBoolean(k, (Boolean)v);
            } else if (v == null || v instanceof String[]) {
                config.addStringArray(k, (String[])v);
            } else if (v instanceof int[]) {
                config.addIntArray(k, (int[])v);
            } else if (v instanceof double[]) {
                config.addDoubleArray(k, (double[])v);
            } else if (v instanceof long[]) {
                config.addLongArray(k, (long[])v);
            }
        }
    }

    // ---- XML persistence (own, simple format: <config key=".."><entry key type value/>...</config>) ----

    @Override
    public void saveToXML(final OutputStream os) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            doc.appendChild(toElement(doc));
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.transform(new DOMSource(doc), new StreamResult(os));
            os.flush();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("Cannot write config \"" + m_key + "\" as XML: " + e.getMessage(), e);
        }
    }

    /**
     * Reads entries written by {@link #saveToXML(OutputStream)} into this (empty) config. The stream is not closed.
     *
     * @param in the XML
     * @throws IOException if the XML cannot be read
     */
    protected final void loadXML(final InputStream in) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            Document doc = factory.newDocumentBuilder().parse(new FilterInputStream(in) {
                @Override
                public void close() {
                    // leave the caller's stream open
                }
            });
            fromElement(doc.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | RuntimeException e) {
            throw new IOException("Cannot read config XML: " + e.getMessage(), e);
        }
    }

    private Element toElement(final Document doc) {
        Element el = doc.createElement("config");
        el.setAttribute("key", m_key);
        for (Map.Entry<String, Object> e : m_entries.entrySet()) {
            Object v = e.getValue();
            if (v instanceof ConfigBase) {
                Element sub = ((ConfigBase)v).toElement(doc);
                el.appendChild(sub);
                continue;
            }
            Element entry = doc.createElement("entry");
            entry.setAttribute("key", e.getKey());
            if (v == null) {
                entry.setAttribute("type", "xnull");
            } else if (v instanceof StringBox) {
                entry.setAttribute("type", "xstring");
                String s = ((StringBox)v).m_value;
                if (s == null) {
                    entry.setAttribute("isnull", "true");
                } else {
                    entry.setAttribute("value", s);
                }
            } else if (v.getClass().isArray()) {
                entry.setAttribute("type", arrayType(v));
                int n = java.lang.reflect.Array.getLength(v);
                for (int i = 0; i < n; i++) {
                    Element item = doc.createElement("item");
                    Object o = java.lang.reflect.Array.get(v, i);
                    if (o == null) {
                        item.setAttribute("isnull", "true");
                    } else {
                        item.setAttribute("value", o.toString());
                    }
                    entry.appendChild(item);
                }
            } else {
                entry.setAttribute("type", "x" + v.getClass().getSimpleName().toLowerCase());
                entry.setAttribute("value", v.toString());
            }
            el.appendChild(entry);
        }
        return el;
    }

    private static String arrayType(final Object v) {
        if (v instanceof int[]) {
            return "xint[]";
        } else if (v instanceof double[]) {
            return "xdouble[]";
        } else if (v instanceof long[]) {
            return "xlong[]";
        }
        return "xstring[]";
    }

    private void fromElement(final Element el) throws IOException {
        NodeList children = el.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (!(n instanceof Element)) {
                continue;
            }
            Element c = (Element)n;
            String key = c.getAttribute("key");
            if ("config".equals(c.getTagName())) {
                addConfigBase(key).fromElement(c);
                continue;
            }
            String type = c.getAttribute("type");
            String value = c.getAttribute("value");
            switch (type) {
                case "xnull" -> put(key, null);
                case "xstring" -> addString(key, "true".equals(c.getAttribute("isnull")) ? null : value);
                case "xinteger" -> addInt(key, Integer.parseInt(value));
                case "xdouble" -> addDouble(key, Double.parseDouble(value));
                case "xlong" -> addLong(key, Long.parseLong(value));
                case "xboolean" -> addBoolean(key, Boolean.parseBoolean(value));
                case "xint[]" -> addIntArray(key, items(c).stream().mapToInt(Integer::parseInt).toArray());
                case "xdouble[]" -> addDoubleArray(key, items(c).stream().mapToDouble(Double::parseDouble).toArray());
                case "xlong[]" -> addLongArray(key, items(c).stream().mapToLong(Long::parseLong).toArray());
                case "xstring[]" -> addStringArray(key, items(c).toArray(new String[0]));
                default -> throw new IOException("Unknown entry type \"" + type + "\" for key \"" + key + "\".");
            }
        }
    }

    private static java.util.List<String> items(final Element entry) {
        java.util.List<String> result = new java.util.ArrayList<>();
        NodeList items = entry.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element)items.item(i);
            result.add("true".equals(item.getAttribute("isnull")) ? null : item.getAttribute("value"));
        }
        return result;
    }

    @Override
    public String toString() {
        return m_key + "=" + m_entries;
    }

    /** Distinguishes a null string entry from a null array entry. */
    private static final class StringBox {
        final String m_value;

        StringBox(final String value) {
            m_value = value;
        }

        @Override
        public String toString() {
            return String.valueOf(m_value);
        }
    }
}
