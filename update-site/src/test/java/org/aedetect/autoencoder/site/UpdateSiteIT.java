package org.aedetect.autoencoder.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the zipped p2 repository that the build produced and checks what KNIME's install dialog
 * will see: the feature group, the bundle and the four native fragments at this build's version,
 * each artifact present, and a category that contains the feature.
 */
class UpdateSiteIT {

    private static final String VERSION = System.getProperty("osgi.version");
    private static final String BUNDLE = System.getProperty("bundle.id");
    private static final String FEATURE = System.getProperty("feature.id");

    private static Map<String, Element> units;
    private static List<String> artifacts;

    @BeforeAll
    static void readRepository() throws Exception {
        final Path zip = Path.of(System.getProperty("site.zip"));
        try (ZipFile site = new ZipFile(zip.toFile())) {
            final Document content = parse(site, "content.xml");
            units = new HashMap<>();
            final NodeList unitList = content.getElementsByTagName("unit");
            for (int i = 0; i < unitList.getLength(); i++) {
                final Element unit = (Element)unitList.item(i);
                units.put(unit.getAttribute("id"), unit);
            }
            final Document artifactIndex = parse(site, "artifacts.xml");
            artifacts = new ArrayList<>();
            final NodeList artifactList = artifactIndex.getElementsByTagName("artifact");
            for (int i = 0; i < artifactList.getLength(); i++) {
                final Element artifact = (Element)artifactList.item(i);
                final String id = artifact.getAttribute("id");
                final String file = artifact.getAttribute("classifier").equals("org.eclipse.update.feature")
                    ? "features/" + id + "_" + artifact.getAttribute("version") + ".jar"
                    : "plugins/" + id + "_" + artifact.getAttribute("version") + ".jar";
                assertNotNull(site.getEntry(file), "artifact listed but not in the zip: " + file);
                artifacts.add(id + "_" + artifact.getAttribute("version"));
            }
        }
    }

    @Test
    void featureGroupIsInstallableAtTheBuildVersion() {
        final Element group = unit(FEATURE + ".feature.group");
        assertEquals(VERSION, group.getAttribute("version"));
        assertTrue(property(group, "org.eclipse.equinox.p2.type.group").equals("true"));
        final List<String> required = requiredNames(group);
        for (String part : List.of(BUNDLE, BUNDLE + ".natives.linux.x86_64", BUNDLE + ".natives.win32.x86_64",
            BUNDLE + ".natives.macosx.x86_64", BUNDLE + ".natives.macosx.aarch64")) {
            assertTrue(required.contains(part), "feature does not require " + part + ": " + required);
        }
    }

    @Test
    void bundleAndFragmentsArePublishedWithArtifactsAtTheBuildVersion() {
        for (String id : List.of(BUNDLE, BUNDLE + ".natives.linux.x86_64", BUNDLE + ".natives.win32.x86_64",
            BUNDLE + ".natives.macosx.x86_64", BUNDLE + ".natives.macosx.aarch64")) {
            assertEquals(VERSION, unit(id).getAttribute("version"), id);
            assertTrue(artifacts.contains(id + "_" + VERSION), "no artifact for " + id);
        }
        assertTrue(artifacts.contains(FEATURE + "_" + VERSION), "no feature artifact");
    }

    @Test
    void bundleRequiresKnimeCoreAndIsInstalledUnpacked() {
        final Element bundle = unit(BUNDLE);
        assertTrue(requiredNames(bundle).contains("org.knime.core"));
        // Eclipse-BundleShape: dir becomes the "zipped" touchpoint instruction: p2 unpacks the bundle,
        // so the embedded jars exist as files.
        final NodeList instructions = bundle.getElementsByTagName("instruction");
        boolean unpacked = false;
        for (int i = 0; i < instructions.getLength(); i++) {
            final Element instruction = (Element)instructions.item(i);
            unpacked |= instruction.getAttribute("key").equals("zipped")
                && instruction.getTextContent().trim().equals("true");
        }
        assertTrue(unpacked, "the bundle must be installed as a folder (Eclipse-BundleShape: dir)");
    }

    @Test
    void eachNativeFragmentIsFilteredToItsPlatform() {
        assertFilter(BUNDLE + ".natives.linux.x86_64", "linux", "x86_64");
        assertFilter(BUNDLE + ".natives.win32.x86_64", "win32", "x86_64");
        assertFilter(BUNDLE + ".natives.macosx.x86_64", "macosx", "x86_64");
        assertFilter(BUNDLE + ".natives.macosx.aarch64", "macosx", "aarch64");
    }

    @Test
    void categoryContainsTheFeatureAndHasAStableId() {
        final List<Element> categories = units.values().stream()
            .filter(u -> "true".equals(property(u, "org.eclipse.equinox.p2.type.category"))).toList();
        assertEquals(1, categories.size(), "exactly one category expected");
        final Element category = categories.get(0);
        assertEquals("Autoencoder Anomaly Detection", property(category, "org.eclipse.equinox.p2.name"));
        assertTrue(requiredNames(category).contains(FEATURE + ".feature.group"));
        assertFalse(category.getAttribute("id").contains("/") || category.getAttribute("id").contains("file:"),
            "category id leaks a build path: " + category.getAttribute("id"));
    }

    private static void assertFilter(final String id, final String os, final String arch) {
        final String filter = unit(id).getElementsByTagName("filter").item(
            unit(id).getElementsByTagName("filter").getLength() - 1).getTextContent();
        assertTrue(filter.contains("osgi.os=" + os) && filter.contains("osgi.arch=" + arch), id + ": " + filter);
    }

    private static Element unit(final String id) {
        final Element unit = units.get(id);
        assertNotNull(unit, "installable unit missing from the site: " + id + " (have " + units.keySet() + ")");
        return unit;
    }

    private static String property(final Element unit, final String name) {
        final NodeList props = unit.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            final Element p = (Element)props.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }

    private static List<String> requiredNames(final Element unit) {
        final NodeList required = unit.getElementsByTagName("required");
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < required.getLength(); i++) {
            names.add(((Element)required.item(i)).getAttribute("name"));
        }
        return names;
    }

    private static Document parse(final ZipFile zip, final String name) throws Exception {
        final ZipEntry entry = zip.getEntry(name);
        assertNotNull(entry, name + " missing from the zipped site");
        try (InputStream in = zip.getInputStream(entry)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
