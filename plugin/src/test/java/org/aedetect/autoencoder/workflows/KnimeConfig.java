package org.aedetect.autoencoder.workflows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A config tree in KNIME's on-disk XML format (namespace {@value #NAMESPACE}): {@code <config key>} elements holding
 * {@code <entry key type value [isnull]>} elements, arrays as a sub-config with an {@code array-size} entry and
 * entries {@code 0..n-1}, as in the settings.xml and workflow.knime files KNIME writes (shape taken from workflows
 * saved by KNIME 5.x in knime/knime-core's workflow tests). Reads and writes that format, and converts to
 * and from the offline {@link NodeSettings} so that our nodes' settings can be produced and loaded by the real
 * settings classes. Test and generator code only.
 */
final class KnimeConfig {

    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config xmlns=\"" + NAMESPACE
        + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + NAMESPACE
        + " http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"";

    /** An entry: a typed single value (type as in the file: xstring, xint, xlong, xdouble, xboolean, xchar ...). */
    record Entry(String type, String value) {
        boolean isNull() {
            return value == null;
        }
    }

    private final String m_key;

    /** Children in file order: {@link Entry} or {@link KnimeConfig}. */
    private final Map<String, Object> m_children = new LinkedHashMap<>();

    KnimeConfig(final String key) {
        m_key = key;
    }

    String key() {
        return m_key;
    }

    Map<String, Object> children() {
        return m_children;
    }

    // ---- building ----

    KnimeConfig config(final String key) {
        KnimeConfig c = new KnimeConfig(key);
        m_children.put(key, c);
        return c;
    }

    KnimeConfig add(final KnimeConfig child) {
        m_children.put(child.m_key, child);
        return this;
    }

    KnimeConfig entry(final String key, final String type, final String value) {
        m_children.put(key, new Entry(type, value));
        return this;
    }

    KnimeConfig string(final String key, final String value) {
        return entry(key, "xstring", value);
    }

    KnimeConfig integer(final String key, final int value) {
        return entry(key, "xint", Integer.toString(value));
    }

    KnimeConfig longValue(final String key, final long value) {
        return entry(key, "xlong", Long.toString(value));
    }

    KnimeConfig bool(final String key, final boolean value) {
        return entry(key, "xboolean", Boolean.toString(value));
    }

    KnimeConfig character(final String key, final char value) {
        return entry(key, "xchar", Character.toString(value));
    }

    /** A string array as KNIME stores it: a sub-config with array-size and entries 0..n-1. */
    KnimeConfig stringArray(final String key, final String... values) {
        KnimeConfig c = config(key);
        c.integer("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.string(Integer.toString(i), values[i]);
        }
        return this;
    }

    /** An int array as KNIME stores it. */
    KnimeConfig intArray(final String key, final int... values) {
        KnimeConfig c = config(key);
        c.integer("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.integer(Integer.toString(i), values[i]);
        }
        return this;
    }

    // ---- reading ----

    KnimeConfig getConfig(final String key) {
        Object o = m_children.get(key);
        if (!(o instanceof KnimeConfig)) {
            throw new IllegalArgumentException("No config \"" + key + "\" in config \"" + m_key + "\"");
        }
        return (KnimeConfig)o;
    }

    boolean hasConfig(final String key) {
        return m_children.get(key) instanceof KnimeConfig;
    }

    Entry getEntry(final String key) {
        Object o = m_children.get(key);
        if (!(o instanceof Entry)) {
            throw new IllegalArgumentException("No entry \"" + key + "\" in config \"" + m_key + "\"");
        }
        return (Entry)o;
    }

    String getString(final String key) {
        return getEntry(key).value();
    }

    int getInt(final String key) {
        Entry e = getEntry(key);
        if (!"xint".equals(e.type())) {
            throw new IllegalArgumentException("Entry \"" + key + "\" is " + e.type() + ", not xint");
        }
        return Integer.parseInt(e.value());
    }

    List<String> getStringArray(final String key) {
        KnimeConfig c = getConfig(key);
        int n = c.getInt("array-size");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(c.getString(Integer.toString(i)));
        }
        return result;
    }

    List<KnimeConfig> subConfigs() {
        List<KnimeConfig> result = new ArrayList<>();
        m_children.values().forEach(o -> {
            if (o instanceof KnimeConfig c) {
                result.add(c);
            }
        });
        return result;
    }

    // ---- XML ----

    /** @return the file text, as KNIME 5.x writes it (one element per line, four spaces per level) */
    String toXml() {
        StringBuilder sb = new StringBuilder(HEADER).append(escape(m_key)).append("\">\n");
        writeChildren(sb, "    ");
        sb.append("</config>\n");
        return sb.toString();
    }

    void write(final Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toXml(), StandardCharsets.UTF_8);
    }

    /** KNIME 5.x indents each level by four spaces (e.g. knime/knime-core's workflow tests saved by 5.1 and 5.5). */
    private void writeChildren(final StringBuilder sb, final String indent) {
        for (Map.Entry<String, Object> e : m_children.entrySet()) {
            sb.append(indent);
            if (e.getValue() instanceof KnimeConfig c) {
                if (c.m_children.isEmpty()) {
                    sb.append("<config key=\"").append(escape(c.m_key)).append("\"/>\n");
                } else {
                    sb.append("<config key=\"").append(escape(c.m_key)).append("\">\n");
                    c.writeChildren(sb, indent + "    ");
                    sb.append(indent).append("</config>\n");
                }
            } else {
                Entry entry = (Entry)e.getValue();
                sb.append("<entry key=\"").append(escape(e.getKey())).append("\" type=\"").append(entry.type())
                    .append('"');
                if (entry.isNull()) {
                    sb.append(" isnull=\"true\" value=\"\"");
                } else {
                    sb.append(" value=\"").append(escape(encodeControl(entry.value()))).append('"');
                }
                sb.append("/>\n");
            }
        }
    }

    /** KNIME writes control characters in values as %%000NN (decimal code), e.g. a line feed as %%00010. */
    private static String encodeControl(final String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch < 32) {
                sb.append(String.format("%%%%%05d", (int)ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String decodeControl(final String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("%%", i) && i + 7 <= s.length() && s.substring(i + 2, i + 7).chars().allMatch(
                Character::isDigit)) {
                sb.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 7;
            } else {
                sb.append(s.charAt(i++));
            }
        }
        return sb.toString();
    }

    private static String escape(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * @param file a settings.xml or workflow.knime
     * @return its config tree
     * @throws IOException if it is not well-formed KNIME XMLConfig
     */
    static KnimeConfig read(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static KnimeConfig read(final InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(in);
            Element root = doc.getDocumentElement();
            if (!"config".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
                throw new IOException("Root element is not a KNIME XMLConfig <config> in namespace " + NAMESPACE);
            }
            return fromElement(root);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static KnimeConfig fromElement(final Element el) throws IOException {
        KnimeConfig c = new KnimeConfig(el.getAttribute("key"));
        NodeList children = el.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (!(n instanceof Element child)) {
                continue;
            }
            String key = child.getAttribute("key");
            if (c.m_children.containsKey(key)) {
                throw new IOException("Duplicate key \"" + key + "\" in config \"" + c.m_key + "\"");
            }
            switch (child.getLocalName()) {
                case "config" -> c.m_children.put(key, fromElement(child));
                case "entry" -> {
                    String type = child.getAttribute("type");
                    if (type.isEmpty()) {
                        throw new IOException("Entry \"" + key + "\" has no type");
                    }
                    boolean isNull = "true".equals(child.getAttribute("isnull"));
                    c.m_children.put(key, new Entry(type, isNull ? null : decodeControl(child.getAttribute("value"))));
                }
                default -> throw new IOException("Unexpected element <" + child.getLocalName() + ">");
            }
        }
        return c;
    }

    // ---- conversion to and from the offline NodeSettings ----

    /**
     * @param settings settings saved by one of our node models (offline stand-in)
     * @param key key of the resulting config (e.g. "model")
     * @return the same settings as a KNIME config tree
     * @throws IOException if the settings cannot be converted
     */
    static KnimeConfig fromNodeSettings(final NodeSettings settings, final String key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        settings.saveToXML(out);
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray())).getDocumentElement();
            KnimeConfig c = new KnimeConfig(key);
            c.fillFromOffline(root);
            return c;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e);
        }
    }

    /** The offline stand-in's own XML: entry types xinteger/xstring/...; arrays as entries with item children. */
    private void fillFromOffline(final Element el) throws IOException {
        NodeList children = el.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element child)) {
                continue;
            }
            String key = child.getAttribute("key");
            if ("config".equals(child.getTagName())) {
                config(key).fillFromOffline(child);
                continue;
            }
            String type = child.getAttribute("type");
            boolean isNull = "true".equals(child.getAttribute("isnull"));
            String value = child.getAttribute("value");
            switch (type) {
                case "xstring" -> string(key, isNull ? null : value);
                case "xinteger" -> entry(key, "xint", value);
                case "xlong", "xdouble", "xboolean" -> entry(key, type, value);
                case "xstring[]", "xint[]", "xlong[]", "xdouble[]" -> {
                    String itemType = type.substring(0, type.length() - 2);
                    KnimeConfig array = config(key);
                    NodeList items = child.getElementsByTagName("item");
                    array.integer("array-size", items.getLength());
                    for (int j = 0; j < items.getLength(); j++) {
                        Element item = (Element)items.item(j);
                        array.entry(Integer.toString(j), itemType,
                            "true".equals(item.getAttribute("isnull")) ? null : item.getAttribute("value"));
                    }
                }
                default -> throw new IOException("Cannot convert entry type \"" + type + "\" of key \"" + key + "\"");
            }
        }
    }

    /**
     * Converts this config (e.g. the {@code model} subtree of a node's settings.xml) into the offline
     * {@link NodeSettings}, so that a node model can validate and load it. A sub-config that holds exactly
     * {@code array-size} and entries {@code 0..n-1} becomes an array, as KNIME's own config reads it; an empty
     * array becomes a string array (the only array type our settings use).
     *
     * @return the settings
     * @throws IOException if the conversion fails
     */
    NodeSettingsRO toNodeSettings() throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        toOffline(sb);
        return NodeSettings.loadFromXML(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private void toOffline(final StringBuilder sb) {
        sb.append("<config key=\"").append(escape(m_key)).append("\">\n");
        for (Map.Entry<String, Object> e : m_children.entrySet()) {
            String key = escape(e.getKey());
            if (e.getValue() instanceof KnimeConfig c) {
                String arrayType = c.arrayItemType();
                if (arrayType == null) {
                    c.toOffline(sb);
                } else {
                    sb.append("<entry key=\"").append(key).append("\" type=\"").append(offlineType(arrayType))
                        .append("[]\">");
                    for (int i = 0; i < c.m_children.size() - 1; i++) {
                        Entry item = (Entry)c.m_children.get(Integer.toString(i));
                        sb.append(item.isNull() ? "<item isnull=\"true\"/>"
                            : "<item value=\"" + escape(item.value()) + "\"/>");
                    }
                    sb.append("</entry>\n");
                }
            } else {
                Entry entry = (Entry)e.getValue();
                sb.append("<entry key=\"").append(key).append("\" type=\"").append(offlineType(entry.type()))
                    .append('"');
                sb.append(entry.isNull() ? " isnull=\"true\"" : " value=\"" + escape(entry.value()) + "\"");
                sb.append("/>\n");
            }
        }
        sb.append("</config>\n");
    }

    private static String offlineType(final String type) {
        return "xint".equals(type) ? "xinteger" : type;
    }

    /** @return the item type if this config is a KNIME array (array-size plus 0..n-1 of one type), else null */
    private String arrayItemType() {
        Object size = m_children.get("array-size");
        if (!(size instanceof Entry s) || !"xint".equals(s.type()) || s.isNull()) {
            return null;
        }
        int n = Integer.parseInt(s.value());
        if (m_children.size() != n + 1) {
            return null;
        }
        String type = "xstring";
        for (int i = 0; i < n; i++) {
            if (!(m_children.get(Integer.toString(i)) instanceof Entry item)) {
                return null;
            }
            type = item.type();
        }
        return type;
    }
}
