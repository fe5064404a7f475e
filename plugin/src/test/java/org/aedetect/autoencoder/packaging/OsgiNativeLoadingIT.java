package org.aedetect.autoencoder.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts a real Equinox framework, installs the built bundle and its Linux native fragment, and
 * trains a tiny network through the bundle's own class loader. This is where JavaCPP native loading
 * and ND4J's ServiceLoader-based backend discovery break inside KNIME if the layout is wrong.
 *
 * <p>KNIME is not available here, so the bundle's Require-Bundle on org.knime.core is removed from a
 * copy of the jar; everything else (embedded jars, Bundle-ClassPath, fragment, native loading) is
 * exactly what ships. slf4j comes from a separate bundle, as in KNIME.
 */
class OsgiNativeLoadingIT {

    @Test
    void bundleLoadsNd4jCpuBackendAndTrainsInsideEquinox() throws Exception {
        final Path work = Files.createDirectories(BuiltArtifacts.buildDir().resolve("osgi-it"));
        final Path host = withoutKnimeRequirement(BuiltArtifacts.bundleJar(), work.resolve("host-for-test.jar"));
        final Path fragment = BuiltArtifacts.fragmentJar("linux-x86_64");

        final Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        final Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        // JavaCPP extracts natives from bundle resources into this cache; keep it inside target/.
        final String previousCache = System.setProperty("org.bytedeco.javacpp.cachedir",
            work.resolve("javacpp-cache").toString());
        framework.start();
        try {
            final BundleContext context = framework.getBundleContext();
            context.installBundle(jarOf(org.slf4j.LoggerFactory.class).toUri().toString());
            context.installBundle(jarOf(org.slf4j.impl.StaticLoggerBinder.class).toUri().toString());
            final Bundle bundle = context.installBundle(host.toUri().toString());
            final Bundle natives = context.installBundle(fragment.toUri().toString());
            assertTrue(framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle, natives)),
                "bundle or native fragment did not resolve: host state " + bundle.getState() + ", fragment state "
                    + natives.getState());
            bundle.start();

            final Class<?> check = bundle.loadClass("org.aedetect.autoencoder.engine.NativeSelfCheck");
            assertEquals(bundle.adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader(),
                check.getClassLoader(), "the engine must be loaded by the bundle's class loader");
            @SuppressWarnings("unchecked")
            final Map<String, String> result = (Map<String, String>)check.getMethod("run").invoke(null);

            assertEquals("CPU", result.get("backend"));
            assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", result.get("nd4jBackendClass"));
            final double before = Double.parseDouble(result.get("lossBefore"));
            final double after = Double.parseDouble(result.get("lossAfter"));
            assertTrue(after < before * 0.5, "training inside OSGi did not reduce the loss: " + result);
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
            if (previousCache == null) {
                System.clearProperty("org.bytedeco.javacpp.cachedir");
            } else {
                System.setProperty("org.bytedeco.javacpp.cachedir", previousCache);
            }
        }
    }

    private static Path withoutKnimeRequirement(final Path jar, final Path copy) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            final Manifest manifest = new Manifest(in.getManifest());
            final Attributes main = manifest.getMainAttributes();
            main.remove(new Attributes.Name("Require-Bundle"));
            try (OutputStream file = Files.newOutputStream(copy);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : in.stream().toList()) {
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    private static Path jarOf(final Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
