package org.aedetect.autoencoder.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Verifier;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;

/**
 * Checks the built bundle and fragment jars with bnd's OSGi header parser: the headers are valid
 * OSGi, every Bundle-ClassPath entry is in the jar, and every class plugin.xml names is in the jar.
 */
class BundleManifestIT {

    @Test
    void hostManifestIsAValidSingletonBundleForKnime5() throws Exception {
        try (JarFile jar = new JarFile(BuiltArtifacts.bundleJar().toFile())) {
            final Manifest mf = jar.getManifest();
            assertEquals("2", header(mf, "Bundle-ManifestVersion"));
            final Parameters bsn = OSGiHeader.parseHeader(header(mf, "Bundle-SymbolicName"));
            assertEquals(1, bsn.size());
            assertEquals("org.aedetect.autoencoder", bsn.keySet().iterator().next());
            assertEquals("true", bsn.values().iterator().next().get("singleton:"));
            assertEquals(Version.parseVersion(BuiltArtifacts.osgiVersion()),
                Version.parseVersion(header(mf, "Bundle-Version")));
            assertEquals("lazy", header(mf, "Bundle-ActivationPolicy"));
            assertEquals("JavaSE-17", header(mf, "Bundle-RequiredExecutionEnvironment"));

            final Parameters required = OSGiHeader.parseHeader(header(mf, "Require-Bundle"));
            final Attrs core = required.get("org.knime.core");
            assertNotNull(core, "Require-Bundle must name org.knime.core");
            final VersionRange range = new VersionRange(core.get("bundle-version"));
            // 5.3 is the oldest with the public DataContainerSettings.builder() the Scorer and Threshold Filter use
            assertTrue(range.includeLow() && range.getLow().equals(new Version(5, 3, 0))
                && range.includes(new Version(5, 11, 0)) && !range.includes(new Version(6, 0, 0)),
                "org.knime.core range must start at KNIME AP 5.3 and cover 5.x: " + range);

            for (String entry : classPath(mf)) {
                assertTrue(entry.equals(".") || jar.getEntry(entry) != null,
                    "Bundle-ClassPath entry missing from the jar: " + entry);
            }
            assertTrue(Verifier.isVersion(header(mf, "Bundle-Version")));
        }
    }

    @Test
    void everyEmbeddedLibraryIsOnTheBundleClassPath() throws Exception {
        try (JarFile jar = new JarFile(BuiltArtifacts.bundleJar().toFile())) {
            final List<String> classPath = classPath(jar.getManifest());
            final List<String> unlisted = jar.stream().map(e -> e.getName())
                .filter(n -> n.startsWith("lib/") && n.endsWith(".jar")).filter(n -> !classPath.contains(n)).toList();
            assertTrue(unlisted.isEmpty(), "jars in lib/ but not on Bundle-ClassPath (dead weight or a missing entry): "
                + unlisted);
        }
    }

    @Test
    void everyClassNamedInPluginXmlIsInTheJar() throws Exception {
        try (JarFile jar = new JarFile(BuiltArtifacts.bundleJar().toFile());
                InputStream xml = jar.getInputStream(jar.getEntry("plugin.xml"))) {
            final var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
            final NodeList all = doc.getElementsByTagName("*");
            final List<String> classes = new ArrayList<>();
            for (int i = 0; i < all.getLength(); i++) {
                final Element element = (Element)all.item(i);
                for (String attribute : List.of("class", "factory-class", "objectClass", "objectSerializer",
                    "specClass", "specSerializer")) {
                    if (!element.getAttribute(attribute).isEmpty()) {
                        classes.add(element.getAttribute(attribute));
                    }
                }
                if (!element.getAttribute("icon").isEmpty()) {
                    assertNotNull(jar.getEntry(element.getAttribute("icon")),
                        "icon named in plugin.xml missing from the jar: " + element.getAttribute("icon"));
                }
            }
            for (String className : classes) {
                final String entry = className.replace('.', '/') + ".class";
                assertNotNull(jar.getEntry(entry), "class named in plugin.xml missing from the jar: " + className);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.aedetect.autoencoder.packaging.BuiltArtifacts#platforms")
    void nativeFragmentTargetsTheHostAndOnePlatform(final String platform) throws Exception {
        final Path fragment = BuiltArtifacts.fragmentJar(platform);
        try (JarFile jar = new JarFile(fragment.toFile())) {
            final Manifest mf = jar.getManifest();
            final Parameters host = OSGiHeader.parseHeader(header(mf, "Fragment-Host"));
            final Map.Entry<String, Attrs> hostEntry = host.entrySet().iterator().next();
            assertEquals("org.aedetect.autoencoder", hostEntry.getKey());
            assertTrue(new VersionRange(hostEntry.getValue().get("bundle-version"))
                .includes(Version.parseVersion(BuiltArtifacts.osgiVersion())));
            final String filter = header(mf, "Eclipse-PlatformFilter");
            final String[] osArch = platform.split("-");
            assertTrue(filter.contains("osgi.os=" + osArch[0].replace("windows", "win32")), filter);
            assertTrue(filter.contains("osgi.arch=" + osArch[1].replace("arm64", "aarch64")), filter);
            final List<String> classPath = classPath(mf);
            assertFalse(classPath.isEmpty());
            for (String entry : classPath) {
                assertNotNull(jar.getEntry(entry), "fragment Bundle-ClassPath entry missing: " + entry);
                assertTrue(entry.endsWith("-" + platform + ".jar"), "fragment carries another platform: " + entry);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.aedetect.autoencoder.packaging.BuiltArtifacts#gpuPlatforms")
    void cudaFragmentCarriesTheCudaBackendForOnePlatform(final String platform) throws Exception {
        try (JarFile jar = new JarFile(BuiltArtifacts.fragmentJar("cuda-" + platform).toFile())) {
            final Manifest mf = jar.getManifest();
            assertEquals("org.aedetect.autoencoder",
                OSGiHeader.parseHeader(header(mf, "Fragment-Host")).keySet().iterator().next());
            assertTrue(header(mf, "Eclipse-PlatformFilter").contains("osgi.os=" + platform.split("-")[0]
                .replace("windows", "win32")));
            final List<String> classPath = classPath(mf);
            for (String entry : classPath) {
                assertNotNull(jar.getEntry(entry), "fragment Bundle-ClassPath entry missing: " + entry);
            }
            assertTrue(classPath.contains("lib/nd4j-cuda-11.6-1.0.0-M2.1-" + platform + ".jar"), classPath.toString());
            assertNotNull(jar.getEntry("lib/nd4j-cuda-11.6-1.0.0-M2.1.jar"), "the CUDA backend's Java classes");
        }
    }

    private static List<String> classPath(final Manifest mf) {
        return new ArrayList<>(OSGiHeader.parseHeader(header(mf, "Bundle-ClassPath")).keySet());
    }

    private static String header(final Manifest mf, final String name) {
        final String value = mf.getMainAttributes().getValue(name);
        assertNotNull(value, "manifest header missing: " + name);
        return value;
    }
}
