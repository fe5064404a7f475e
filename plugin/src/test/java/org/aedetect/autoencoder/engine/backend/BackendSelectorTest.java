package org.aedetect.autoencoder.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every branch of the backend decision, fed with invented GPU facts. */
class BackendSelectorTest {

    private static final GpuDevice A100 = new GpuDevice(0, "NVIDIA A100-SXM4-40GB", 8, 0, 40L << 30);
    private static final GpuDevice RTX4090 = new GpuDevice(0, "NVIDIA GeForce RTX 4090", 8, 9, 24L << 30);
    private static final GpuDevice K80 = new GpuDevice(0, "Tesla K80", 3, 7, 12L << 30);
    private static final GpuDevice K40 = new GpuDevice(0, "Tesla K40", 3, 5, 12L << 30);
    private static final GpuDevice H200 = new GpuDevice(1, "NVIDIA H200", 9, 0, 141L << 30);
    private static final GpuDevice B200 = new GpuDevice(0, "NVIDIA B200", 10, 0, 180L << 30);

    @Test
    void cpuChoiceNeverUsesTheGpuAndNeverWarns() {
        final var decision = BackendSelector.decide(BackendChoice.CPU, facts(A100));
        assertFalse(decision.useCuda());
        assertTrue(decision.warnings().isEmpty());
    }

    @Test
    void autoAndCudaUseASupportedGpu() {
        for (GpuDevice gpu : List.of(A100, RTX4090, K80)) {
            assertTrue(BackendSelector.decide(BackendChoice.AUTO, facts(gpu)).useCuda(), gpu.describe());
            assertTrue(BackendSelector.decide(BackendChoice.CUDA, facts(gpu)).useCuda(), gpu.describe());
            assertTrue(BackendSelector.decide(BackendChoice.AUTO, facts(gpu)).warnings().isEmpty());
        }
    }

    @Test
    void autoFallsBackToCpuOnAHopperGpuAndNamesIt() {
        final var decision = BackendSelector.decide(BackendChoice.AUTO, facts(H200));
        assertFalse(decision.useCuda());
        assertEquals(1, decision.warnings().size());
        final String warning = decision.warnings().get(0);
        assertTrue(warning.contains("NVIDIA H200 (compute capability 9.0)"), warning);
        assertTrue(warning.contains("using the CPU"), warning);
    }

    @Test
    void cudaFailsOnUnsupportedGpusWithTheReason() {
        for (GpuDevice gpu : List.of(H200, B200, K40)) {
            final var e = assertThrows(BackendUnavailableException.class,
                () -> BackendSelector.decide(BackendChoice.CUDA, facts(gpu)));
            assertTrue(e.getMessage().contains(gpu.describe()) && e.getMessage().contains("3.7 to 8.x"),
                e.getMessage());
        }
    }

    @Test
    void oneUnsupportedGpuAmongSeveralRulesOutCuda() {
        final var decision = BackendSelector.decide(BackendChoice.AUTO,
            new GpuFacts(true, null, List.of(A100, H200)));
        assertFalse(decision.useCuda());
        assertTrue(decision.warnings().get(0).contains("NVIDIA H200"));
    }

    @Test
    void missingGpuFeatureMeansCpuUnderAutoAndAClearErrorUnderCuda() {
        final var decision = BackendSelector.decide(BackendChoice.AUTO, GpuFacts.noGpuFeature());
        assertFalse(decision.useCuda());
        assertTrue(decision.warnings().get(0).contains("GPU feature"));
        final var e = assertThrows(BackendUnavailableException.class,
            () -> BackendSelector.decide(BackendChoice.CUDA, GpuFacts.noGpuFeature()));
        assertTrue(e.getMessage().contains("not installed"), e.getMessage());
    }

    @Test
    void missingDriverOrRuntimeIsReportedUnderBothChoices() {
        final GpuFacts noDriver = new GpuFacts(true, "no NVIDIA driver was found (CUDA error 35)", List.of());
        assertTrue(BackendSelector.decide(BackendChoice.AUTO, noDriver).warnings().get(0).contains("no NVIDIA driver"));
        final var e = assertThrows(BackendUnavailableException.class,
            () -> BackendSelector.decide(BackendChoice.CUDA, noDriver));
        assertTrue(e.getMessage().contains("no NVIDIA driver"));
    }

    @Test
    void noGpuAtAllIsReported() {
        final GpuFacts none = new GpuFacts(true, null, List.of());
        assertTrue(BackendSelector.decide(BackendChoice.AUTO, none).warnings().get(0).contains("no NVIDIA GPU"));
        assertThrows(BackendUnavailableException.class, () -> BackendSelector.decide(BackendChoice.CUDA, none));
    }

    @Test
    void choicesParseCaseInsensitivelyAndRejectUnknownNames() {
        assertEquals(BackendChoice.CUDA, BackendChoice.parse(" cuda "));
        assertEquals(BackendChoice.AUTO, BackendChoice.parse(null));
        final var e = assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse("gpu"));
        assertTrue(e.getMessage().contains("Auto, CPU, CUDA"));
    }

    private static GpuFacts facts(final GpuDevice gpu) {
        return new GpuFacts(true, null, List.of(gpu));
    }
}
