package org.aedetect.autoencoder.engine.backend;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides, from the user's choice and the GPU facts, whether ND4J may start its CUDA backend. Pure
 * logic, so every branch is tested without a GPU. Under {@link BackendChoice#AUTO} every reason not
 * to use the GPU becomes a warning and the CPU runs; under {@link BackendChoice#CUDA} it becomes a
 * {@link BackendUnavailableException} with the same reason, before ND4J is touched.
 */
public final class BackendSelector {

    /**
     * The outcome.
     *
     * @param useCuda let ND4J start its CUDA backend
     * @param warnings what the user should be told (empty when the request is met)
     */
    public record Decision(boolean useCuda, List<String> warnings) {
        public Decision {
            warnings = List.copyOf(warnings);
        }
    }

    private BackendSelector() {
    }

    /** @throws BackendUnavailableException if CUDA was requested and cannot be used */
    public static Decision decide(final BackendChoice requested, final GpuFacts facts) {
        if (requested == BackendChoice.CPU) {
            return new Decision(false, List.of());
        }
        final String reason = reasonCudaCannotRun(facts);
        if (reason == null) {
            return new Decision(true, List.of());
        }
        if (requested == BackendChoice.CUDA) {
            throw new BackendUnavailableException("The CUDA backend was requested, but " + reason
                + ". Choose the Auto or CPU backend, or fix the GPU setup (see the README's GPU section).");
        }
        return new Decision(false, List.of("Auto backend: using the CPU because " + reason + "."));
    }

    private static String reasonCudaCannotRun(final GpuFacts facts) {
        if (!facts.cudaBackendInstalled()) {
            return "the optional GPU feature (ND4J CUDA 11.6 backend) is not installed";
        }
        if (facts.problem() != null) {
            return facts.problem();
        }
        if (facts.devices().isEmpty()) {
            return "no NVIDIA GPU was found";
        }
        final List<GpuDevice> unsupported =
            facts.devices().stream().filter(d -> !d.supportedByNd4jCuda()).toList();
        if (!unsupported.isEmpty()) {
            // ND4J spreads work over all visible GPUs, so one unsupported device is enough to crash it.
            return unsupported.stream().map(GpuDevice::describe).collect(Collectors.joining(", "))
                + (unsupported.size() == 1 ? " is" : " are")
                + " not supported: ND4J 1.0.0-M2.1's CUDA 11.6 build has kernels only for compute capability "
                + "3.7 to 8.x (Kepler K80 to Ampere/Ada) and none for newer GPUs such as Hopper (9.0) or "
                + "Blackwell (10.0, 12.0)";
        }
        return null;
    }
}
