package org.aedetect.autoencoder.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs every workflow in test-workflows/ in a real KNIME Analytics Platform 5.x with KNIME's testflow runner
 * ({@code org.knime.testing.NGTestflowRunner}), with the bundle and native fragment that this build produced
 * installed through a temporary p2 dropins folder. Runs only with {@code -Dknime.home=<KNIME installation>}
 * (the installation needs the "KNIME Testing Framework" feature, org.knime.features.testing.application); without
 * it the test is reported as skipped, never as passed.
 *
 * <p>Not run where this was written (no KNIME installation there): the command line follows the runner's usage
 * text as quoted in public CI scripts and 3D-e-Chem/knime-testflow, and Eclipse's launcher and p2 dropins
 * conventions. The runner exits with 0 even when testflows fail, so the verdict comes from its JUnit XML reports.
 */
class KnimeTestflowsIT {

    private static final String RUNNER = "org.knime.testing.NGTestflowRunner";

    private static final long TIMEOUT_MINUTES = 30;

    @Test
    void allTestflowsPassInKnime(@TempDir final Path tmp) throws Exception {
        String home = System.getProperty("knime.home");
        Assumptions.assumeTrue(home != null && !home.isBlank() && !home.startsWith("${"),
            "knime.home is not set: the testflows need a KNIME AP 5.x installation with the KNIME Testing "
                + "Framework; run mvn verify -Dknime.home=/path/to/knime");
        Path knime = Path.of(home);
        Path launcher = launcher(knime);
        try (Stream<Path> plugins = Files.list(knime.resolve("plugins"))) {
            assertTrue(plugins.anyMatch(p -> p.getFileName().toString().startsWith("org.knime.testing_")),
                knime + " has no org.knime.testing bundle: install the KNIME Testing Framework "
                    + "(org.knime.features.testing.application) into it first");
        }

        Path dropins = tmp.resolve("dropins");
        installUnpacked(Path.of(required("bundle.jar")), dropins);
        installUnpacked(Path.of(required("build.dir")).resolve(required("bundle.finalName") + "-" + platform()
            + ".jar"), dropins);

        Path testflows = tmp.resolve("testflows");
        copyTree(TestWorkflowsGenerator.defaultRoot(), testflows);
        Files.deleteIfExists(testflows.resolve("README.md"));
        Path results = Files.createDirectories(tmp.resolve("results"));

        List<String> command = new ArrayList<>(List.of(launcher.toString(), "-nosplash", "-consoleLog",
            "-application", RUNNER, "-root", testflows.toString(), "-xmlResultDir", results.toString(),
            "-logMessages", "-timeout", "600", "-data", tmp.resolve("workspace").toString(),
            // keep knime.ini's VM arguments (heap, --add-opens for Java 17) and add ours
            "--launcher.appendVmargs", "-vmargs",
            "-Dorg.eclipse.equinox.p2.reconciler.dropins.directory=" + dropins, "-Daedetect.backend=CPU"));
        Path log = Path.of(required("build.dir")).resolve("knime-testflows.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("KNIME did not finish within " + TIMEOUT_MINUTES + " minutes; log: " + log);
        }
        assertEquals(0, process.exitValue(), "KNIME exited with " + process.exitValue() + "; log: " + log);

        List<String> problems = new ArrayList<>();
        int testcases = 0;
        try (Stream<Path> files = Files.walk(results)) {
            for (Path report : files.filter(p -> p.toString().endsWith(".xml")).collect(Collectors.toList())) {
                Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getDocumentElement();
                NodeList cases = suite.getElementsByTagName("testcase");
                testcases += cases.getLength();
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element)cases.item(i);
                    for (String kind : List.of("failure", "error")) {
                        NodeList bad = c.getElementsByTagName(kind);
                        for (int j = 0; j < bad.getLength(); j++) {
                            problems.add(c.getAttribute("classname") + " " + c.getAttribute("name") + ": " + kind
                                + ": " + ((Element)bad.item(j)).getAttribute("message"));
                        }
                    }
                }
            }
        }
        assertTrue(testcases >= TestWorkflowsGenerator.WORKFLOWS.size(),
            "expected test cases for the " + TestWorkflowsGenerator.WORKFLOWS.size() + " testflows in " + results
                + ", found " + testcases + "; log: " + log);
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\nlog: " + log);
    }

    private static Path launcher(final Path home) {
        for (String name : List.of("knime", "knime.exe", "Contents/MacOS/knime")) {
            Path p = home.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("No KNIME launcher (knime, knime.exe) in " + home);
    }

    /** Classifier of this machine's native fragment, as plugin/pom.xml names them. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String a = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "x86_64";
        if (os.contains("win")) {
            return "windows-" + a;
        }
        if (os.contains("mac")) {
            return "macosx-" + a;
        }
        return "linux-" + a;
    }

    /**
     * Unpacks a bundle jar as dropins/plugins/&lt;symbolic name&gt;_&lt;version&gt;/, the folder shape its
     * Eclipse-BundleShape: dir asks for.
     */
    private static void installUnpacked(final Path jar, final Path dropins) throws IOException {
        assertTrue(Files.isRegularFile(jar), "built artifact missing: " + jar);
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest mf = j.getManifest();
            String bsn = mf.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
            String version = mf.getMainAttributes().getValue("Bundle-Version").trim();
            Path dir = dropins.resolve("plugins").resolve(bsn + "_" + version);
            for (var e : (Iterable<java.util.jar.JarEntry>)j.stream()::iterator) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("Bad entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = j.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void copyTree(final Path from, final Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String required(final String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property '" + property + "' is not set: run through Maven "
                + "failsafe (mvn verify -Dknime.home=...).");
        }
        return value;
    }
}
