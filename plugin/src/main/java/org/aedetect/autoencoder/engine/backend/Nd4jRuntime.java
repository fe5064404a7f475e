package org.aedetect.autoencoder.engine.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one place where ND4J gets initialised. ND4J binds its backend to process-wide statics the
 * first time any ND4J class is touched and cannot switch afterwards (see README, "Backends"), so
 * every engine entry point calls {@link #ensureInitialized()} first; the first call decides and all
 * later calls report what was decided.
 *
 * <p>Inside OSGi the thread context class loader is not the bundle's, so ND4J's ServiceLoader
 * lookups would find no backend. Before the first touch this class points ND4J at the class loader
 * of this bundle (host plus native fragments), wrapped so that the CUDA backend's service entry is
 * hidden whenever the CPU was chosen.
 */
public final class Nd4jRuntime {

    /** System property that picks the backend where no preference page exists (batch, tests). */
    public static final String BACKEND_PROPERTY = "aedetect.backend";

    /**
     * System property with the CPU thread setting: {@code auto} (default: one ND4J/OpenMP thread and
     * one BLAS thread per core), {@code nd4j} (leave ND4J's own defaults), or {@code OMP,BLAS} (two
     * numbers, e.g. {@code 1,2}). Ignored when the environment sets {@code OMP_NUM_THREADS}: an
     * explicit environment setting wins.
     */
    public static final String THREADS_PROPERTY = "aedetect.threads";

    private static final String CUDA_PACKAGE_PREFIX = "org.nd4j.linalg.jcublas.";

    private static final String CUDA_BACKEND_CLASS = CUDA_PACKAGE_PREFIX + "JCublasBackend";

    private static BackendInfo current;

    private static GpuFacts probed;

    private static String threadSetting;

    /** The OpenMP thread count the engine chose, 0 if it left ND4J's own setting. */
    private static int ompThreads;

    private Nd4jRuntime() {
    }

    /** Initialises with the backend named by {@value #BACKEND_PROPERTY} (default Auto). */
    public static BackendInfo ensureInitialized() {
        return initialize(BackendChoice.parse(System.getProperty(BACKEND_PROPERTY)));
    }

    /**
     * Initialises ND4J with the requested backend if nothing has initialised it yet. Once
     * initialised, a different request cannot be honoured in this JVM: the returned info then
     * carries a warning saying the change takes effect after a restart.
     *
     * @throws BackendUnavailableException if CUDA is requested but cannot be used; the message says why
     */
    public static BackendInfo initialize(final BackendChoice requested) {
        return initialize(requested, Nd4jRuntime::probeGpus);
    }

    static synchronized BackendInfo initialize(final BackendChoice requested, final GpuProbe probe) {
        if (current != null) {
            applyOmpThreadsToCurrentThread();
            return alreadyRunning(requested, probe);
        }
        final GpuFacts facts = probe.probe();
        final BackendSelector.Decision decision = BackendSelector.decide(requested, facts);
        // OpenBLAS reads its kernel choice when ND4J's CPU backend loads it (also where ND4J falls back from CUDA
        // to the CPU); the environment is put back once ND4J has started
        final String blasCoreOrigin = BlasCore.prepare(System.getProperty(BlasCore.PROPERTY), System.getenv());
        try {
            return startNd4j(requested, facts, decision, blasCoreOrigin);
        } finally {
            BlasCore.restoreEnvironment();
        }
    }

    /** @param blasCoreOrigin how OpenBLAS's kernel set was chosen ({@link BlasCore#prepare}) */
    private static BackendInfo startNd4j(final BackendChoice requested, final GpuFacts facts,
        final BackendSelector.Decision decision, final String blasCoreOrigin) {
        final ClassLoader ownLoader = Nd4jRuntime.class.getClassLoader();
        ND4JClassLoading.setNd4jClassloader(decision.useCuda() ? ownLoader
            : new ServiceHidingClassLoader(ownLoader, CUDA_PACKAGE_PREFIX));
        final boolean onCuda = Nd4j.getBackend().getClass().getName().startsWith(CUDA_PACKAGE_PREFIX);
        final List<String> warnings = new ArrayList<>(decision.warnings());
        if (decision.useCuda() && !onCuda) {
            // ND4J skips a backend whose own availability check fails and silently takes the next one.
            final String reason = "ND4J could not start its CUDA backend and started the CPU backend instead "
                + "(see the log for ND4J's reason)";
            if (requested == BackendChoice.CUDA) {
                current = info(requested, false, warnings, facts);
                throw new BackendUnavailableException("The CUDA backend was requested, but " + reason
                    + ". This session now runs on the CPU; fix the GPU setup and restart.");
            }
            warnings.add("Auto backend: " + reason + ".");
        }
        if (!onCuda) {
            threadSetting = configureCpuThreads(System.getProperty(THREADS_PROPERTY, "auto"),
                System.getenv("OMP_NUM_THREADS"), warnings) + ", blasCore=" + BlasCore.inUse() + " ("
                + blasCoreOrigin + ")";
        }
        current = info(requested, onCuda, warnings, facts);
        return current;
    }

    /**
     * Sets ND4J's OpenMP threads and OpenBLAS's threads. On small core counts ND4J's defaults (OpenMP
     * threads = BLAS threads = cores) oversubscribe the cores: the element-wise OpenMP loops between
     * matrix products are too small to gain from threads but their thread teams keep spinning while
     * OpenBLAS runs its own threads. Measured on 2 cores (plugin/bench/results): one OpenMP thread and
     * BLAS threads = cores train the reference network about twice as fast as the defaults. Results
     * are deterministic for a fixed setting; a different setting may change the last bits.
     *
     * @return a description of what is in effect, for benchmarks and logs
     */
    private static String configureCpuThreads(final String setting, final String ompEnvironment,
        final List<String> warnings) {
        if (ompEnvironment != null && !ompEnvironment.isBlank()) {
            return describeThreads("OMP_NUM_THREADS=" + ompEnvironment.trim() + " from the environment");
        }
        final String value = setting.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("nd4j")) {
            return describeThreads("ND4J defaults");
        }
        final int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        int[] threads;
        String origin = value.equals("auto") ? "engine default" : THREADS_PROPERTY + "=" + setting;
        try {
            threads = parseThreads(value, cores);
        } catch (IllegalArgumentException e) {
            warnings.add(e.getMessage() + "; using the engine default.");
            threads = parseThreads("auto", cores);
            origin = "engine default";
        }
        final int omp = threads[0];
        final int blas = threads[1];
        // libnd4j fixes the size of its own thread pool at load time (setMaxThreads cannot shrink it), but
        // its parallel loops take at most maxMasterThreads threads, and its OpenMP loops follow omp_set_num_threads
        Nd4j.getEnvironment().setMaxMasterThreads(omp);
        Nd4j.getEnvironment().setMaxThreads(omp);
        ompThreads = omp;
        applyOmpThreadsToCurrentThread();
        Nd4j.factory().blas().setMaxThreads(blas);
        return describeThreads(origin);
    }

    /**
     * The thread counts {OpenMP, BLAS} of a {@link #THREADS_PROPERTY} value other than {@code nd4j}:
     * {@code auto} gives one OpenMP thread and one BLAS thread per core.
     *
     * @throws IllegalArgumentException if the value is neither auto nor one or two positive numbers
     */
    static int[] parseThreads(final String setting, final int cores) {
        final String value = setting.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("auto")) {
            return new int[] {1, cores};
        }
        final String[] parts = value.split(",");
        final int omp;
        final int blas;
        try {
            omp = Integer.parseInt(parts[0].trim());
            blas = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : cores;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + THREADS_PROPERTY + " must be auto, nd4j "
                + "or two thread counts OMP,BLAS; it is " + setting, e);
        }
        if (omp < 1 || blas < 1 || parts.length > 2) {
            throw new IllegalArgumentException("System property " + THREADS_PROPERTY + " must be auto, nd4j "
                + "or two thread counts OMP,BLAS of at least 1; it is " + setting);
        }
        return new int[] {omp, blas};
    }

    /**
     * omp_set_num_threads only applies to the calling thread (OpenMP keeps the count per thread), and
     * KNIME trains and scores on pool threads other than the one that initialised ND4J: every engine
     * entry point calls {@link #ensureInitialized()}, which re-applies the count here.
     */
    private static void applyOmpThreadsToCurrentThread() {
        if (ompThreads > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(ompThreads);
        }
    }

    private static String describeThreads(final String origin) {
        return "nd4jThreads=" + Nd4j.getEnvironment().maxThreads() + ", ompThreads="
            + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() + ", nd4jMasterThreads="
            + Nd4j.getEnvironment().maxMasterThreads() + ", blasThreads=" + Nd4j.factory().blas().getMaxThreads()
            + " (" + origin + ")";
    }

    /**
     * The CPU thread setting in effect ({@link #THREADS_PROPERTY}) and OpenBLAS's kernel set (see
     * {@link BlasCore}), or null before initialisation and on CUDA.
     */
    public static synchronized String threadSetting() {
        return threadSetting;
    }

    private static BackendInfo alreadyRunning(final BackendChoice requested, final GpuProbe probe) {
        final boolean satisfied = requested == BackendChoice.AUTO || requested == current.requested()
            || requested.name().equals(current.backend());
        if (satisfied) {
            return current;
        }
        if (requested == BackendChoice.CUDA) {
            BackendSelector.decide(requested, probe.probe()); // says why CUDA cannot run at all, if so
        }
        return current.withWarning("The " + label(requested) + " backend was requested, but this session "
            + "already runs on " + current.backend() + "; ND4J cannot switch backends while running. The change "
            + "takes effect after a restart.");
    }

    private static BackendInfo info(final BackendChoice requested, final boolean onCuda, final List<String> warnings,
        final GpuFacts facts) {
        return new BackendInfo(requested, onCuda ? "CUDA" : "CPU", describeDevice(onCuda, facts),
            Nd4j.getEnvironment().maxThreads(), warnings);
    }

    private static GpuProbe defaultProbe() {
        return isClassPresent(CUDA_BACKEND_CLASS, Nd4jRuntime.class.getClassLoader()) ? new CudaRuntimeProbe()
            : GpuFacts::noGpuFeature;
    }

    /**
     * Probes the GPUs the way {@link #initialize(BackendChoice)} would, without initialising ND4J;
     * for diagnostics such as the GPU check script.
     */
    public static synchronized GpuFacts probeGpus() {
        // once per JVM: a failed native load leaves classes unusable, so a second probe would only
        // report that, not the original reason
        if (probed == null) {
            probed = defaultProbe().probe();
        }
        return probed;
    }

    /** What was decided, or null if ND4J has not been initialised through this class yet. */
    public static synchronized BackendInfo current() {
        return current;
    }

    private static String describeDevice(final boolean onCuda, final GpuFacts facts) {
        if (onCuda) {
            return facts.devices().stream().map(GpuDevice::describe).collect(Collectors.joining(", "));
        }
        return "CPU " + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
            + " cores";
    }

    private static String label(final BackendChoice choice) {
        return switch (choice) {
            case AUTO -> "Auto";
            case CPU -> "CPU";
            case CUDA -> "CUDA";
        };
    }

    private static boolean isClassPresent(final String name, final ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
