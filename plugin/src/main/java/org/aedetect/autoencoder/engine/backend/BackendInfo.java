package org.aedetect.autoencoder.engine.backend;

import java.util.List;

/**
 * What actually runs the computations in this JVM: the backend ("CPU" or "CUDA"), a human-readable
 * device description, the native thread count and any warnings produced while choosing it (for
 * example "CUDA was requested under Auto but the GPU feature is not installed; using the CPU").
 *
 * @param requested the choice that was in effect when ND4J was initialised
 * @param backend "CPU" or "CUDA"
 * @param device e.g. "CPU x86_64, 2 cores" or "NVIDIA A100 (compute capability 8.0)"
 * @param threads ND4J's maximum native threads
 * @param warnings messages a user should see; empty when the request was met exactly
 */
public record BackendInfo(BackendChoice requested, String backend, String device, int threads,
    List<String> warnings) {

    public BackendInfo {
        warnings = List.copyOf(warnings);
    }

    /** One line for logs, port summaries and reports. */
    public String describe() {
        return backend + " (" + device + ", " + threads + " threads)";
    }

    BackendInfo withWarning(final String warning) {
        final var all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new BackendInfo(requested, backend, device, threads, all);
    }
}
