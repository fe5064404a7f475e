package org.aedetect.autoencoder.engine.backend;

/**
 * Finds out which GPUs could run ND4J's CUDA backend, without initialising ND4J. Behind an
 * interface so that the selection logic can be tested with invented facts on machines without GPUs.
 */
@FunctionalInterface
public interface GpuProbe {

    /** Never throws: failures become {@link GpuFacts#problem()}. */
    GpuFacts probe();
}
