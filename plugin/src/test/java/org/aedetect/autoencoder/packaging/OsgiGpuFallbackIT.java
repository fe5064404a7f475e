package org.aedetect.autoencoder.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * With the GPU feature's CUDA fragment installed next to the CPU natives, on a machine without a
 * usable NVIDIA GPU (this one, and CI): choosing CUDA fails before ND4J starts, with the reason, and
 * Auto then trains on the CPU with a warning, instead of ND4J crashing or picking CUDA.
 */
class OsgiGpuFallbackIT {

    private static final String RUNTIME = "org.aedetect.autoencoder.engine.backend.Nd4jRuntime";

    @Test
    void withTheGpuFeatureButNoUsableGpuCudaFailsClearlyAndAutoFallsBackToCpu() throws Throwable {
        try (EquinoxHarness osgi = new EquinoxHarness("gpu-fallback", List.of("linux-x86_64", "cuda-linux-x86_64"))) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            final Object cuda = Enum.valueOf((Class<Enum>)osgi.bundle().loadClass(
                "org.aedetect.autoencoder.engine.backend.BackendChoice"), "CUDA");
            final Throwable refused = assertThrows(RuntimeException.class, () -> osgi.call(RUNTIME, "initialize", cuda));
            assertEquals("BackendUnavailableException", refused.getClass().getSimpleName(), refused.toString());
            assertTrue(refused.getMessage().startsWith("The CUDA backend was requested, but "), refused.getMessage());

            @SuppressWarnings("unchecked")
            final Map<String, String> result =
                (Map<String, String>)osgi.call("org.aedetect.autoencoder.engine.NativeSelfCheck", "run");
            assertEquals("CPU", result.get("backend"));
            assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", result.get("nd4jBackendClass"));
            assertTrue(result.get("warnings").contains("Auto backend: using the CPU because"), result.toString());
            assertTrue(Double.parseDouble(result.get("lossAfter")) < Double.parseDouble(result.get("lossBefore")));
        }
    }
}
