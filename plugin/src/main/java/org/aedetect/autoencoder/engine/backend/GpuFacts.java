package org.aedetect.autoencoder.engine.backend;

import java.util.List;

/**
 * What could be found out about GPUs before ND4J is initialised: whether the GPU feature (ND4J's
 * CUDA backend) is installed, whether the CUDA runtime and driver answered, and which devices they
 * report. Gathered by a {@link GpuProbe}; judged by {@link BackendSelector}.
 *
 * @param cudaBackendInstalled the optional GPU feature is installed
 * @param problem why the CUDA runtime or driver could not be used, or null when they answered
 * @param devices the GPUs found (empty when none or when {@code problem} is set)
 */
public record GpuFacts(boolean cudaBackendInstalled, String problem, List<GpuDevice> devices) {

    public GpuFacts {
        devices = List.copyOf(devices);
    }

    /** The GPU feature is not installed; nothing else was probed. */
    public static GpuFacts noGpuFeature() {
        return new GpuFacts(false, null, List.of());
    }
}
