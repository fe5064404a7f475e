package org.aedetect.autoencoder.engine.backend;

/**
 * One NVIDIA GPU as the CUDA runtime reports it.
 *
 * @param index CUDA device ordinal
 * @param name marketing name, e.g. "NVIDIA A100-SXM4-40GB"
 * @param computeMajor compute capability, major part (8 for Ampere, 9 for Hopper)
 * @param computeMinor compute capability, minor part
 * @param memoryBytes global memory
 */
public record GpuDevice(int index, String name, int computeMajor, int computeMinor, long memoryBytes) {

    /**
     * Whether ND4J 1.0.0-M2.1's CUDA 11.6 build can run on this GPU. Its libnd4jcuda carries SASS
     * for sm_37, 50, 52, 60, 61, 70, 75, 80 and 86 and no PTX, so nothing can be JIT-compiled for a
     * newer architecture; a cubin for X.y runs on X.z with z >= y. Hence 3.7 up to 8.x (8.9 Ada runs
     * the sm_86 code), and nothing from 9.0 (Hopper) on.
     */
    public boolean supportedByNd4jCuda() {
        return (computeMajor == 3 && computeMinor >= 7) || (computeMajor >= 5 && computeMajor <= 8);
    }

    /** e.g. "NVIDIA H200 (compute capability 9.0)". */
    public String describe() {
        return name + " (compute capability " + computeMajor + "." + computeMinor + ")";
    }
}
