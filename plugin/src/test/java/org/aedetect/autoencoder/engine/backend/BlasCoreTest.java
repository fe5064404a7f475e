package org.aedetect.autoencoder.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * OpenBLAS's kernel set: which CPUs get {@code OPENBLAS_CORETYPE} from the engine, that an explicit setting
 * wins, and (in a fresh JVM without the variable) that OpenBLAS really takes the kernels the engine names.
 */
class BlasCoreTest {

    private static final String ZEN5_FLAGS = "fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq "
        + "avx512ifma avx512cd avx512bw avx512vl avx_vnni avx512_bf16 avx512vbmi avx512_vnni";

    private static String cpuinfo(final String vendor, final int family, final String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: 2\n"
            + "flags\t\t: " + flags + "\n\nprocessor\t: 1\nvendor_id\t: SomethingElse\ncpu family\t: 1\n\n";
    }

    @Test
    void cpuinfoIsReadFromTheFirstProcessor() {
        final BlasCore.Cpu cpu = BlasCore.Cpu.parse(cpuinfo("AuthenticAMD", 26, ZEN5_FLAGS));
        assertEquals("AuthenticAMD", cpu.vendor());
        assertEquals(26, cpu.family());
        assertTrue(cpu.flags().containsAll(Set.of("avx512f", "avx512_bf16", "fma")), cpu.flags().toString());
        assertEquals(new BlasCore.Cpu("", -1, Set.of()), BlasCore.Cpu.parse("model name: mystery\n"));
        assertEquals(-1, BlasCore.Cpu.parse("vendor_id: AuthenticAMD\ncpu family: 0x1a\n").family());
        // a flag listed twice (nothing promises unique flags) still makes a CPU with that flag
        assertEquals("Cooperlake",
            BlasCore.choose(BlasCore.Cpu.parse(cpuinfo("AuthenticAMD", 26, ZEN5_FLAGS + " avx2 avx2"))));
    }

    @Test
    void onlyCpusNewerThanOpenBlas0319KnowsGetKernelsNamed() {
        assertEquals("Cooperlake", BlasCore.choose(BlasCore.Cpu.parse(cpuinfo("AuthenticAMD", 26, ZEN5_FLAGS))));
        assertEquals("SkylakeX", BlasCore.choose(BlasCore.Cpu.parse(
            cpuinfo("AuthenticAMD", 27, ZEN5_FLAGS.replace(" avx512_bf16", "")))));
        assertEquals("Zen", BlasCore.choose(BlasCore.Cpu.parse(
            cpuinfo("AuthenticAMD", 26, "fpu sse sse2 avx fma avx2"))));
        // without AVX2 and FMA nothing better than OpenBLAS's own choice is safe to name
        assertNull(BlasCore.choose(BlasCore.Cpu.parse(cpuinfo("AuthenticAMD", 26, "fpu sse sse2 avx"))));
        // Zen 4 (0x19) and older: 0.3.19 knows them
        assertNull(BlasCore.choose(BlasCore.Cpu.parse(cpuinfo("AuthenticAMD", 25, ZEN5_FLAGS))));
        assertNull(BlasCore.choose(BlasCore.Cpu.parse(cpuinfo("GenuineIntel", 6, ZEN5_FLAGS))));
        assertNull(BlasCore.choose(BlasCore.Cpu.parse("")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals("OPENBLAS_CORETYPE=Haswell from the environment",
            BlasCore.prepare(null, Map.of("OPENBLAS_CORETYPE", "Haswell")));
        assertEquals("OPENBLAS_CORETYPE=Haswell from the environment",
            BlasCore.prepare("auto", Map.of("OPENBLAS_CORETYPE", "Haswell")));
        assertEquals("OpenBLAS's own choice, aedetect.blasCore=openblas", BlasCore.prepare(" OpenBLAS ", Map.of()));
    }

    @Test
    void theKernelSetInUseIsTheOneTheEnvironmentNames() {
        assumeTrue(linuxX86());
        Nd4jRuntime.ensureInitialized();
        final String core = BlasCore.inUse();
        assertNotNull(core, "OpenBLAS's gotoblas table is one of the known kernel sets");
        final String given = System.getenv("OPENBLAS_CORETYPE");
        if (given != null && BlasCore.CORES.stream().anyMatch(given.trim()::equalsIgnoreCase)) {
            // (OpenBLAS also takes aliases such as Penryn, and unknown names fall back to Prescott)
            assertEquals(given.trim().toLowerCase(java.util.Locale.ROOT), core.toLowerCase(java.util.Locale.ROOT));
        }
        assertTrue(Nd4jRuntime.threadSetting().contains("blasCore=" + core), Nd4jRuntime.threadSetting());
    }

    /**
     * The real thing, in a JVM started without {@code OPENBLAS_CORETYPE}: where {@link BlasCore#choose} names
     * kernels for this CPU, OpenBLAS must run them (on this build machine's Zen 5 it would otherwise take
     * Barcelona's); elsewhere the engine leaves OpenBLAS's own choice. Either way a process that JVM starts
     * afterwards does not see the variable (the environment is put back once OpenBLAS has loaded).
     */
    @Test
    void aFreshJvmWithoutTheVariableRunsTheKernelsTheEngineNames() throws IOException, InterruptedException {
        assumeTrue(linuxX86());
        final String expected = BlasCore.choose(BlasCore.Cpu.parse(
            Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1)));
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
            "-Dorg.nd4j.log.initialization=false", "-cp", System.getProperty("java.class.path"),
            PrintThreadSetting.class.getName()));
        final Path log = Files.createTempFile("blas-core", ".log");
        try {
            final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
            builder.environment().remove("OPENBLAS_CORETYPE");
            final Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            final String output = Files.readString(log, StandardCharsets.UTF_8);
            assertFalse(process.isAlive(), "the JVM did not end within 2 minutes:\n" + output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.lines().anyMatch("child sees OPENBLAS_CORETYPE=[]"::equals), output);
            checkThreadSetting(output, expected);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void checkThreadSetting(final String output, final String expected) {
        final String line = output.lines().filter(l -> l.startsWith("threads: ")).findFirst().orElse(output);
        if (expected != null) {
            final String named = "blasCore=" + expected + " (OPENBLAS_CORETYPE=" + expected + " set by the engine:";
            assertTrue(line.contains(named), line);
        } else {
            assertTrue(line.contains("(OpenBLAS's own choice"), line);
        }
    }

    /**
     * Initialises the engine, prints its thread setting and what a process started afterwards sees of
     * {@code OPENBLAS_CORETYPE}; run by the test above in a fresh JVM.
     */
    public static final class PrintThreadSetting {
        public static void main(final String[] args) throws IOException, InterruptedException {
            Nd4jRuntime.ensureInitialized();
            System.out.println("threads: " + Nd4jRuntime.threadSetting());
            // Java hands a child the C environment when its own copy was not changed
            final Process child = new ProcessBuilder("/bin/sh", "-c", "echo \"[$OPENBLAS_CORETYPE]\"").start();
            final String seen = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            child.waitFor();
            System.out.println("child sees OPENBLAS_CORETYPE=" + seen);
        }
    }

    private static boolean linuxX86() {
        return System.getProperty("os.name", "").startsWith("Linux")
            && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""));
    }
}
