package org.aedetect.autoencoder.site;

import static org.aedetect.autoencoder.site.P2Site.property;
import static org.aedetect.autoencoder.site.P2Site.required;
import static org.aedetect.autoencoder.site.P2Site.requiredNames;
import static org.aedetect.autoencoder.site.UpdateSiteIT.BUNDLE;
import static org.aedetect.autoencoder.site.UpdateSiteIT.FEATURE;
import static org.aedetect.autoencoder.site.UpdateSiteIT.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The GPU add-on site: an optional feature with the CUDA fragments for Linux and Windows x86_64,
 * which requires exactly this build's main feature and carries nothing of the CPU install.
 */
class GpuUpdateSiteIT {

    private static final String GPU_FEATURE = FEATURE + ".gpu";

    private static P2Site site;

    @BeforeAll
    static void readRepository() throws Exception {
        site = new P2Site(Path.of(System.getProperty("gpu.site.zip")));
    }

    @Test
    void gpuFeatureRequiresThisBuildsMainFeature() {
        final Element group = site.unit(GPU_FEATURE + ".feature.group");
        assertEquals(VERSION, group.getAttribute("version"));
        final Element main = required(group).stream()
            .filter(r -> r.getAttribute("name").equals(FEATURE + ".feature.group")).findFirst().orElseThrow();
        assertEquals("[" + VERSION + "," + VERSION + "]", main.getAttribute("range"));
    }

    @Test
    void cudaFragmentsExistOnlyForLinuxAndWindowsX86() {
        site.assertPlatformFilter(BUNDLE + ".cuda.linux.x86_64", "linux", "x86_64");
        site.assertPlatformFilter(BUNDLE + ".cuda.win32.x86_64", "win32", "x86_64");
        for (String id : List.of(BUNDLE + ".cuda.linux.x86_64", BUNDLE + ".cuda.win32.x86_64")) {
            assertTrue(site.artifacts.contains(id + "_" + VERSION), "no artifact for " + id);
            assertTrue(requiredNames(site.unit(GPU_FEATURE + ".feature.group")).contains(id));
        }
    }

    @Test
    void addOnSiteDoesNotDuplicateTheCpuInstall() {
        assertFalse(site.units.containsKey(BUNDLE), "the host bundle belongs to the main site");
        assertTrue(site.units.keySet().stream().noneMatch(id -> id.contains(".natives.")));
    }

    @Test
    void addOnHasItsOwnCategory() {
        final List<Element> categories = site.categories();
        assertEquals(1, categories.size());
        assertEquals("Autoencoder Anomaly Detection - GPU add-on",
            property(categories.get(0), "org.eclipse.equinox.p2.name"));
        assertTrue(requiredNames(categories.get(0)).contains(GPU_FEATURE + ".feature.group"));
    }
}
