package org.aedetect.autoencoder.engine.backend;

import java.util.ArrayList;
import java.util.List;

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

    private static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private static BackendInfo current;

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
     * @throws BackendUnavailableException if CUDA is requested but cannot be used
     */
    public static synchronized BackendInfo initialize(final BackendChoice requested) {
        if (current != null) {
            if (requested != current.requested() && !requested.name().equals(current.backend())) {
                return current.withWarning("The " + label(requested)
                    + " backend was requested, but this session already runs on " + current.backend()
                    + "; ND4J cannot switch backends while running. The change takes effect after a restart.");
            }
            return current;
        }
        final ClassLoader ownLoader = Nd4jRuntime.class.getClassLoader();
        final boolean cudaInstalled = isClassPresent(CUDA_BACKEND_CLASS, ownLoader);
        final List<String> warnings = new ArrayList<>();
        final boolean allowCuda;
        switch (requested) {
            case CPU -> allowCuda = false;
            case CUDA -> {
                if (!cudaInstalled) {
                    throw new BackendUnavailableException("The CUDA backend was requested, but the optional GPU "
                        + "feature (ND4J CUDA 11.6 backend) is not installed. Install it from the update site, "
                        + "or choose the Auto or CPU backend.");
                }
                allowCuda = true;
            }
            default -> {
                if (!cudaInstalled) {
                    warnings.add("Auto backend: using the CPU because the optional GPU feature "
                        + "(ND4J CUDA backend) is not installed.");
                }
                allowCuda = cudaInstalled;
            }
        }
        ND4JClassLoading.setNd4jClassloader(
            allowCuda ? ownLoader : new ServiceHidingClassLoader(ownLoader, "org.nd4j.linalg.jcublas."));
        final String backendClass = Nd4j.getBackend().getClass().getName();
        final boolean onCuda = backendClass.startsWith("org.nd4j.linalg.jcublas.");
        if (requested == BackendChoice.CUDA && !onCuda) {
            throw new BackendUnavailableException("The CUDA backend was requested, but ND4J could not start it "
                + "(no usable NVIDIA GPU or driver) and started the CPU backend instead. Check the GPU and "
                + "driver, or choose Auto or CPU; a restart is needed after a change.");
        }
        if (requested == BackendChoice.AUTO && allowCuda && !onCuda) {
            warnings.add("Auto backend: the GPU feature is installed but no usable NVIDIA GPU or driver was "
                + "found; using the CPU.");
        }
        current = new BackendInfo(requested, onCuda ? "CUDA" : "CPU", describeDevice(onCuda),
            Nd4j.getEnvironment().maxThreads(), warnings);
        return current;
    }

    /** What was decided, or null if ND4J has not been initialised through this class yet. */
    public static synchronized BackendInfo current() {
        return current;
    }

    private static String describeDevice(final boolean onCuda) {
        if (onCuda) {
            final Object name = Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.deviceName");
            return name == null ? "NVIDIA GPU" : name.toString();
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
