package org.aedetect.autoencoder.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Locates the artifacts that `mvn package` built for the plugin module (paths passed in by failsafe),
 * so the integration tests examine exactly what ships.
 */
final class BuiltArtifacts {

    /** Platform classifiers of the native fragments, as built by plugin/pom.xml. */
    static final List<String> PLATFORMS = List.of("linux-x86_64", "windows-x86_64", "macosx-x86_64", "macosx-arm64");

    private BuiltArtifacts() {
    }

    /** Platforms of the optional CUDA fragments (ND4J's CUDA 11.6 build exists only for these). */
    static List<String> gpuPlatforms() {
        return List.of("linux-x86_64", "windows-x86_64");
    }

    /** For parameterized tests. */
    static List<String> platforms() {
        return PLATFORMS;
    }

    static Path bundleJar() {
        return existing(Path.of(required("bundle.jar")));
    }

    static Path fragmentJar(final String platform) {
        return existing(buildDir().resolve(required("bundle.finalName") + "-" + platform + ".jar"));
    }

    static Path buildDir() {
        return Path.of(required("build.dir"));
    }

    static String osgiVersion() {
        return required("osgi.version");
    }

    private static String required(final String property) {
        final String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property '" + property
                + "' is not set: run this test through Maven failsafe (mvn verify).");
        }
        return value;
    }

    private static Path existing(final Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Built artifact missing: " + path);
        }
        return path;
    }
}
