package org.aedetect.autoencoder.engine.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Which of OpenBLAS's kernel sets ("cores") the CPU backend's matrix products run on.
 *
 * <p>ND4J 1.0.0-M2.1 ships OpenBLAS 0.3.19 (2021), which picks its kernels from the CPU's vendor, family and
 * model when it loads. It does not know AMD's Zen 5 (family 0x1A: EPYC 9005, Ryzen 9000) and falls back to the
 * kernels of 2007's Barcelona: SSE3, a quarter of what the CPU does with OpenBLAS's AVX-512 kernels (sgemm
 * 1024x784x512 on one core here: 55 against 245 GFLOP/s; the engine trained the reference network at 17,500
 * samples/s instead of 50,700). OpenBLAS takes its kernels from the environment variable
 * {@code OPENBLAS_CORETYPE} when that is set, and a KNIME user cannot set one. So, before ND4J loads OpenBLAS,
 * {@link #prepare} adds {@code OPENBLAS_CORETYPE} to the process's environment, only where all of these hold:
 * Linux on x86-64, the variable is not set already (an explicit setting wins), the CPU is one that 0.3.19 is
 * known to misjudge (AMD family 0x1A or later), and it has the instructions the named kernels need. Once ND4J
 * has loaded OpenBLAS, {@link #restoreEnvironment} puts the environment back as it was, so that processes started
 * later and libraries loaded later do not see the variable. {@value #PROPERTY}{@code =openblas} turns it off.
 *
 * <p>{@link #inUse} reads which kernel set OpenBLAS actually took, for logs and benchmarks.
 */
final class BlasCore {

    /** System property: {@code openblas} leaves OpenBLAS's own choice; anything else is {@code auto} (default). */
    static final String PROPERTY = "aedetect.blasCore";

    /** The environment variable OpenBLAS reads when it loads. */
    static final String VARIABLE = "OPENBLAS_CORETYPE";

    /** The kernel sets of the OpenBLAS that ND4J ships (its exported gotoblas_* tables), for {@link #inUse}. */
    static final List<String> CORES = List.of("Cooperlake", "SkylakeX", "Haswell", "Zen", "SandyBridge",
        "Excavator", "Steamroller", "Piledriver", "Bulldozer", "Nehalem", "Core2", "Barcelona", "Prescott",
        "Athlon", "Banias", "Coppermine", "Katmai", "Northwood");

    /** Flags the SkylakeX kernels use (AVX-512 foundation, conflict detection, byte/word, dword/qword, 128/256). */
    private static final Set<String> AVX512 = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    /** The environment array in place before {@link #prepare} installed its own, or null if it installed none. */
    private static Pointer original;

    /** The array {@link #prepare} installed, until {@link #restoreEnvironment} puts the original back. */
    private static PointerPointer<?> installed;

    private BlasCore() {
    }

    /** A CPU as /proc/cpuinfo describes its first processor. */
    record Cpu(String vendor, int family, Set<String> flags) {

        /** @return the first processor of a /proc/cpuinfo text; vendor "" and family -1 where a field is missing */
        static Cpu parse(final String cpuinfo) {
            String vendor = "";
            int family = -1;
            Set<String> flags = Set.of();
            for (final String line : cpuinfo.split("\n")) {
                final int colon = line.indexOf(':');
                if (line.isBlank()) {
                    if (!vendor.isEmpty()) {
                        break; // the end of the first processor's block
                    }
                    continue;
                }
                if (colon < 0) {
                    continue;
                }
                final String key = line.substring(0, colon).trim();
                final String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "vendor_id" -> vendor = value;
                    case "cpu family" -> family = parseFamily(value);
                    // Set.copyOf takes repeated flags; Set.of would throw and turn the kernel choice off
                    case "flags" -> flags = Set.copyOf(Arrays.asList(value.split("\\s+")));
                    default -> {
                        // not needed
                    }
                }
            }
            return new Cpu(vendor, family, flags);
        }

        private static int parseFamily(final String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * The kernel set to name in {@value #VARIABLE} for {@code cpu}, or null to leave OpenBLAS's own choice:
     * for AMD family 0x1A and later (unknown to OpenBLAS 0.3.19), Cooperlake's kernels where the CPU has
     * AVX-512 with bfloat16 (what OpenBLAS 0.3.21 itself picks on Zen 5), SkylakeX's with AVX-512 only, Zen's
     * with AVX2 and FMA. Intel CPUs and older AMD ones are left to OpenBLAS.
     */
    static String choose(final Cpu cpu) {
        if (!"AuthenticAMD".equals(cpu.vendor()) || cpu.family() < 0x1A) {
            return null;
        }
        if (cpu.flags().containsAll(AVX512)) {
            return cpu.flags().contains("avx512_bf16") ? "Cooperlake" : "SkylakeX";
        }
        if (cpu.flags().contains("avx2") && cpu.flags().contains("fma")) {
            return "Zen";
        }
        return null;
    }

    /**
     * Sets {@value #VARIABLE} in this process's environment where {@link #choose} names a kernel set and nothing
     * forbids it (see the class comment). Call before ND4J is first touched: OpenBLAS reads the variable once,
     * when it loads.
     *
     * @param property the value of {@value #PROPERTY} (null means auto)
     * @param environment the process's environment as Java saw it at start
     * @return what was done, for the thread-setting description; never null
     */
    static String prepare(final String property, final Map<String, String> environment) {
        final String setting = property == null ? "auto" : property.trim().toLowerCase(Locale.ROOT);
        if (setting.equals("openblas")) {
            return "OpenBLAS's own choice, " + PROPERTY + "=openblas";
        }
        final String given = environment.get(VARIABLE);
        if (given != null) {
            return VARIABLE + "=" + given + " from the environment";
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")
            || !Set.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""))) {
            return "OpenBLAS's own choice";
        }
        final String core;
        try {
            core = choose(Cpu.parse(Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1)));
        } catch (IOException | RuntimeException e) {
            return "OpenBLAS's own choice: /proc/cpuinfo unreadable";
        }
        if (core == null) {
            return "OpenBLAS's own choice";
        }
        if (inUse() != null) {
            return "OpenBLAS's own choice: OpenBLAS was loaded before the engine started ND4J";
        }
        final String present = setVariable(VARIABLE, core);
        if (present == null) {
            return VARIABLE + "=" + core + " set by the engine: OpenBLAS 0.3.19 does not know this CPU";
        }
        return present.isEmpty() ? "OpenBLAS's own choice: could not set " + VARIABLE
            : VARIABLE + "=" + present + " from the process's environment";
    }

    /**
     * Puts back the environment array that was in place before {@link #prepare} added {@value #VARIABLE}, unless
     * something has replaced the engine's array meanwhile (a native {@code setenv}); call once ND4J has loaded
     * OpenBLAS, which reads the variable only when it loads. Does nothing if {@link #prepare} added nothing.
     */
    static synchronized void restoreEnvironment() {
        if (installed == null) {
            return;
        }
        try {
            final PointerPointer<?> slot = new PointerPointer<>(Loader.addressof("environ"));
            final Pointer current = slot.get(0);
            if (current != null && current.address() == installed.address()) {
                slot.put(0, original);
            }
        } catch (RuntimeException | LinkageError e) {
            // the variable stays; OpenBLAS has read it already, and nothing else depends on it
        } finally {
            installed = null;
            original = null;
        }
    }

    /**
     * Adds {@code name=value} to the C library's environment, which Java cannot change: installs a copy of the
     * {@code environ} array with the entry appended (one aligned pointer store, so a concurrent {@code getenv}
     * sees the old array or the new one; neither is ever freed).
     *
     * @return null if added; the value already there if the C environment has {@code name} (Java's view of the
     *         environment is a copy made at start); "" if the environment could not be read or changed
     */
    private static synchronized String setVariable(final String name, final String value) {
        try {
            final Pointer variable = Loader.addressof("environ");
            if (variable == null || variable.isNull()) {
                return "";
            }
            final PointerPointer<?> slot = new PointerPointer<>(variable);
            final Pointer current = slot.get(0);
            if (current == null || current.isNull()) {
                return "";
            }
            final PointerPointer<?> old = new PointerPointer<>(current);
            final String prefix = name + "=";
            int count = 0;
            for (Pointer e; (e = old.get(count)) != null; count++) {
                final String existing = new BytePointer(e).getString(StandardCharsets.ISO_8859_1);
                if (existing.startsWith(prefix)) {
                    return existing.substring(prefix.length());
                }
            }
            final PointerPointer<?> fresh = keep(new PointerPointer<>(count + 2L));
            for (int i = 0; i < count; i++) {
                fresh.put(i, old.get(i));
            }
            fresh.put(count, keep(new BytePointer(prefix + value)));
            fresh.put(count + 1, (Pointer)null);
            original = current;
            installed = fresh;
            slot.put(0, fresh);
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    /**
     * Keeps {@code pointer}'s memory for the life of the process: takes it off JavaCPP's garbage-collection
     * queue, since the environment may point at it (and a concurrent {@code getenv} may read an array after it
     * was replaced).
     */
    private static <P extends Pointer> P keep(final P pointer) {
        pointer.deallocate(false);
        return pointer;
    }

    /**
     * The kernel set OpenBLAS took, from its {@code gotoblas} table pointer; null where OpenBLAS is not loaded,
     * not built for several CPUs, or the table is none of {@link #CORES}.
     */
    static String inUse() {
        try {
            final Pointer table = Loader.addressof("gotoblas");
            if (table == null || table.isNull()) {
                return null;
            }
            final Pointer current = new PointerPointer<>(table).get(0);
            if (current == null || current.isNull()) {
                return null;
            }
            for (final String core : CORES) {
                final Pointer candidate = Loader.addressof("gotoblas_" + core.toUpperCase(Locale.ROOT));
                if (candidate != null && !candidate.isNull() && candidate.address() == current.address()) {
                    return core;
                }
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
