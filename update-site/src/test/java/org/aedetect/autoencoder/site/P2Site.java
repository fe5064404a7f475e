package org.aedetect.autoencoder.site;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The installable units and artifacts of a zipped p2 repository, read from its content.xml and artifacts.xml. */
final class P2Site {

    final Map<String, Element> units = new HashMap<>();

    final List<String> artifacts = new ArrayList<>();

    P2Site(final Path zip) throws Exception {
        try (ZipFile site = new ZipFile(zip.toFile())) {
            final NodeList unitList = parse(site, "content.xml").getElementsByTagName("unit");
            for (int i = 0; i < unitList.getLength(); i++) {
                final Element unit = (Element)unitList.item(i);
                units.put(unit.getAttribute("id"), unit);
            }
            final NodeList artifactList = parse(site, "artifacts.xml").getElementsByTagName("artifact");
            for (int i = 0; i < artifactList.getLength(); i++) {
                final Element artifact = (Element)artifactList.item(i);
                final String idAndVersion = artifact.getAttribute("id") + "_" + artifact.getAttribute("version");
                final String folder =
                    artifact.getAttribute("classifier").equals("org.eclipse.update.feature") ? "features/" : "plugins/";
                assertNotNull(site.getEntry(folder + idAndVersion + ".jar"), "artifact listed but not in the zip: "
                    + folder + idAndVersion + ".jar");
                artifacts.add(idAndVersion);
            }
        }
    }

    Element unit(final String id) {
        final Element unit = units.get(id);
        assertNotNull(unit, "installable unit missing from the site: " + id + " (have " + units.keySet() + ")");
        return unit;
    }

    List<Element> categories() {
        return units.values().stream().filter(u -> "true".equals(property(u, "org.eclipse.equinox.p2.type.category")))
            .toList();
    }

    void assertPlatformFilter(final String id, final String os, final String arch) {
        final NodeList filters = unit(id).getElementsByTagName("filter");
        final String filter = filters.item(filters.getLength() - 1).getTextContent();
        assertTrue(filter.contains("osgi.os=" + os) && filter.contains("osgi.arch=" + arch), id + ": " + filter);
    }

    static String property(final Element unit, final String name) {
        final NodeList props = unit.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            final Element p = (Element)props.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }

    static List<Element> required(final Element unit) {
        final NodeList required = unit.getElementsByTagName("required");
        final List<Element> all = new ArrayList<>();
        for (int i = 0; i < required.getLength(); i++) {
            all.add((Element)required.item(i));
        }
        return all;
    }

    static List<String> requiredNames(final Element unit) {
        return required(unit).stream().map(r -> r.getAttribute("name")).toList();
    }

    private static Document parse(final ZipFile zip, final String name) throws Exception {
        final ZipEntry entry = zip.getEntry(name);
        assertNotNull(entry, name + " missing from the zipped site");
        try (InputStream in = zip.getInputStream(entry)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
