package org.aedetect.autoencoder.engine.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

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

    private static final String CUDA_PACKAGE_PREFIX = "org.nd4j.linalg.jcublas.";

    private static final String CUDA_BACKEND_CLASS = CUDA_PACKAGE_PREFIX + "JCublasBackend";

    private static BackendInfo current;

    private static GpuFacts probed;

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
            return alreadyRunning(requested, probe);
        }
        final GpuFacts facts = probe.probe();
        final BackendSelector.Decision decision = BackendSelector.decide(requested, facts);
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
        current = info(requested, onCuda, warnings, facts);
        return current;
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
