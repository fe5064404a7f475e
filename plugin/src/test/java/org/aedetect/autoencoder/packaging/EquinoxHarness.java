package org.aedetect.autoencoder.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A real Equinox framework with the built bundle and some of its fragments installed, as KNIME
 * would have them. KNIME is not available here, so the bundle's Require-Bundle on org.knime.core is
 * removed from a copy of the jar; everything else (embedded jars, Bundle-ClassPath, fragments,
 * native loading) is exactly what ships. slf4j comes from a separate bundle, as in KNIME.
 *
 * <p>JNI libraries bind to one class loader per JVM, so each test class that uses this harness must
 * run in its own JVM (failsafe is configured with reuseForks=false).
 */
final class EquinoxHarness implements AutoCloseable {

    private final Framework framework;

    private final Bundle bundle;

    private final String previousCache;

    private final Path work;

    EquinoxHarness(final String name, final List<String> fragmentClassifiers) throws Exception {
        work = Files.createDirectories(BuiltArtifacts.buildDir().resolve("osgi-it").resolve(name));
        final Path host = withoutKnimeRequirement(BuiltArtifacts.bundleJar(), work.resolve("host-for-test.jar"));
        final Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        // JavaCPP extracts natives from bundle resources into this cache; keep it inside target/.
        previousCache = System.setProperty("org.bytedeco.javacpp.cachedir", work.resolve("javacpp-cache").toString());
        framework.start();
        final BundleContext context = framework.getBundleContext();
        context.installBundle(jarOf(org.slf4j.LoggerFactory.class).toUri().toString());
        context.installBundle(jarOf(org.slf4j.impl.StaticLoggerBinder.class).toUri().toString());
        bundle = context.installBundle(host.toUri().toString());
        final List<Bundle> all = new ArrayList<>(List.of(bundle));
        for (String classifier : fragmentClassifiers) {
            all.add(context.installBundle(BuiltArtifacts.fragmentJar(classifier).toUri().toString()));
        }
        assertTrue(framework.adapt(FrameworkWiring.class).resolveBundles(all),
            "bundle or fragments did not resolve: " + all.stream().map(b -> b.getSymbolicName() + "=" + b.getState())
                .toList());
        bundle.start();
    }

    Bundle bundle() {
        return bundle;
    }

    /** Calls a public static method of a bundle class; unwraps the exception it throws. */
    Object call(final String className, final String method, final Object... args) throws Throwable {
        final Class<?> type = bundle.loadClass(className);
        for (var m : type.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(className + "." + method);
    }

    @Override
    public void close() throws BundleException, InterruptedException, IOException {
        framework.stop();
        framework.waitForStop(30_000);
        // the framework storage holds every embedded jar extracted (GBs with the CUDA fragment)
        try (var files = Files.walk(work)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        if (previousCache == null) {
            System.clearProperty("org.bytedeco.javacpp.cachedir");
        } else {
            System.setProperty("org.bytedeco.javacpp.cachedir", previousCache);
        }
    }

    private static Path withoutKnimeRequirement(final Path jar, final Path copy) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            final Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().remove(new Attributes.Name("Require-Bundle"));
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
