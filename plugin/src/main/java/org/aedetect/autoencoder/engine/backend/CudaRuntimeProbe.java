package org.aedetect.autoencoder.engine.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks the CUDA runtime (through JavaCPP's cudart preset, which the GPU feature ships) for the
 * driver version and the devices with their compute capability. Runs before ND4J is initialised, in
 * the class loader ND4J will use, so the same native libraries are loaded once. Only used when the
 * GPU feature is installed: this class links against classes that only the GPU fragments carry.
 */
final class CudaRuntimeProbe implements GpuProbe {

    @Override
    public GpuFacts probe() {
        try {
            return CudartCalls.query();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            return new GpuFacts(true, "the CUDA 11 runtime libraries (cudart, cuBLAS, cuSOLVER) or the NVIDIA "
                + "driver could not be loaded (" + rootMessage(e) + ")", List.of());
        } catch (RuntimeException e) {
            return new GpuFacts(true, "the CUDA runtime failed: " + rootMessage(e), List.of());
        }
    }

    private static String rootMessage(final Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Separate class so that a missing cudart preset fails inside the try block above. */
    private static final class CudartCalls {

        static GpuFacts query() {
            final int[] value = new int[1];
            int status = org.bytedeco.cuda.global.cudart.cudaDriverGetVersion(value);
            if (status != org.bytedeco.cuda.global.cudart.cudaSuccess || value[0] == 0) {
                return new GpuFacts(true, "no NVIDIA driver was found (" + error(status) + ")", List.of());
            }
            status = org.bytedeco.cuda.global.cudart.cudaGetDeviceCount(value);
            if (status != org.bytedeco.cuda.global.cudart.cudaSuccess) {
                return new GpuFacts(true, "the NVIDIA driver reports no usable GPU (" + error(status) + ")",
                    List.of());
            }
            final List<GpuDevice> devices = new ArrayList<>();
            for (int device = 0; device < value[0]; device++) {
                try (var props = new org.bytedeco.cuda.cudart.cudaDeviceProp()) {
                    status = org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties(props, device);
                    if (status != org.bytedeco.cuda.global.cudart.cudaSuccess) {
                        return new GpuFacts(true, "GPU " + device + " could not be queried (" + error(status) + ")",
                            List.of());
                    }
                    devices.add(new GpuDevice(device, props.name().getString().trim(), props.major(),
                        props.minor(), props.totalGlobalMem()));
                }
            }
            return new GpuFacts(true, devices.isEmpty() ? "the NVIDIA driver reports no GPU" : null, devices);
        }

        private static String error(final int status) {
            return "CUDA error " + status + ": "
                + org.bytedeco.cuda.global.cudart.cudaGetErrorString(status).getString();
        }
    }
}
