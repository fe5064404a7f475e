package org.aedetect.autoencoder.site;

import static org.aedetect.autoencoder.site.P2Site.property;
import static org.aedetect.autoencoder.site.P2Site.requiredNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the zipped p2 repository that the build produced and checks what KNIME's install dialog
 * will see: the feature group, the bundle and the four native fragments at this build's version,
 * each artifact present, and a category that contains the feature.
 */
class UpdateSiteIT {

    static final String VERSION = System.getProperty("osgi.version");
    static final String BUNDLE = System.getProperty("bundle.id");
    static final String FEATURE = System.getProperty("feature.id");

    private static final List<String> CPU_PARTS = List.of(BUNDLE, BUNDLE + ".natives.linux.x86_64",
        BUNDLE + ".natives.win32.x86_64", BUNDLE + ".natives.macosx.x86_64", BUNDLE + ".natives.macosx.aarch64");

    private static P2Site site;

    @BeforeAll
    static void readRepository() throws Exception {
        site = new P2Site(Path.of(System.getProperty("site.zip")));
    }

    @Test
    void featureGroupIsInstallableAtTheBuildVersion() {
        final Element group = site.unit(FEATURE + ".feature.group");
        assertEquals(VERSION, group.getAttribute("version"));
        assertEquals("true", property(group, "org.eclipse.equinox.p2.type.group"));
        final List<String> required = requiredNames(group);
        for (String part : CPU_PARTS) {
            assertTrue(required.contains(part), "feature does not require " + part + ": " + required);
        }
    }

    @Test
    void bundleAndFragmentsArePublishedWithArtifactsAtTheBuildVersion() {
        for (String id : CPU_PARTS) {
            assertEquals(VERSION, site.unit(id).getAttribute("version"), id);
            assertTrue(site.artifacts.contains(id + "_" + VERSION), "no artifact for " + id);
        }
        assertTrue(site.artifacts.contains(FEATURE + "_" + VERSION), "no feature artifact");
    }

    @Test
    void theCpuSiteCarriesNoGpuParts() {
        assertTrue(site.units.keySet().stream().noneMatch(id -> id.contains(".cuda.") || id.contains(".gpu")),
            "GPU parts must stay out of the default site: " + site.units.keySet());
    }

    @Test
    void bundleRequiresKnimeCoreAndIsInstalledUnpacked() {
        final Element bundle = site.unit(BUNDLE);
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
        site.assertPlatformFilter(BUNDLE + ".natives.linux.x86_64", "linux", "x86_64");
        site.assertPlatformFilter(BUNDLE + ".natives.win32.x86_64", "win32", "x86_64");
        site.assertPlatformFilter(BUNDLE + ".natives.macosx.x86_64", "macosx", "x86_64");
        site.assertPlatformFilter(BUNDLE + ".natives.macosx.aarch64", "macosx", "aarch64");
    }

    @Test
    void categoryContainsTheFeatureAndHasAStableId() {
        final List<Element> categories = site.categories();
        assertEquals(1, categories.size(), "exactly one category expected");
        final Element category = categories.get(0);
        assertEquals("Autoencoder Anomaly Detection", property(category, "org.eclipse.equinox.p2.name"));
        assertTrue(requiredNames(category).contains(FEATURE + ".feature.group"));
        assertFalse(category.getAttribute("id").contains("/") || category.getAttribute("id").contains("file:"),
            "category id leaks a build path: " + category.getAttribute("id"));
    }
}
