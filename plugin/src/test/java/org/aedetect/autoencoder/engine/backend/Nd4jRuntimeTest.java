package org.aedetect.autoencoder.engine.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The real CPU path on this machine (no GPU feature on the test class path): Auto runs on the CPU,
 * CUDA fails with a message saying what is missing, and nothing re-initialises ND4J.
 */
class Nd4jRuntimeTest {

    @Test
    void autoRunsOnTheCpuWhenTheGpuFeatureIsMissing() {
        final BackendInfo info = Nd4jRuntime.initialize(BackendChoice.AUTO);
        assertEquals("CPU", info.backend());
        assertTrue(info.threads() > 0);
        assertTrue(info.device().startsWith("CPU "), info.device());
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend",
            org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName());
    }

    @Test
    void cudaFailsClearlyWithoutTheGpuFeature() {
        Nd4jRuntime.initialize(BackendChoice.AUTO);
        final var e = assertThrows(BackendUnavailableException.class,
            () -> Nd4jRuntime.initialize(BackendChoice.CUDA));
        assertTrue(e.getMessage().contains("GPU feature") && e.getMessage().contains("not installed"),
            e.getMessage());
    }

    @Test
    void laterRequestsReportTheBackendAlreadyRunning() {
        final BackendInfo first = Nd4jRuntime.initialize(BackendChoice.AUTO);
        assertSame(first, Nd4jRuntime.initialize(BackendChoice.AUTO));
        assertSame(first, Nd4jRuntime.initialize(BackendChoice.CPU));
        assertSame(first, Nd4jRuntime.current());
    }

    @Test
    void aGpuThatAppearsAfterInitialisationOnlyTakesEffectAfterARestart() {
        Nd4jRuntime.initialize(BackendChoice.AUTO);
        final GpuProbe gpuNowPresent = () -> new GpuFacts(true, null,
            java.util.List.of(new GpuDevice(0, "NVIDIA A100", 8, 0, 1L << 34)));
        final BackendInfo info = Nd4jRuntime.initialize(BackendChoice.CUDA, gpuNowPresent);
        assertEquals("CPU", info.backend());
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("after a restart")), info.warnings().toString());
    }

    @Test
    void theEngineSetsItsOwnCpuThreadsUnlessTheEnvironmentDoes() {
        Nd4jRuntime.initialize(BackendChoice.AUTO);
        final String setting = Nd4jRuntime.threadSetting();
        assertTrue(setting != null && setting.contains("blasThreads="), String.valueOf(setting));
        if (System.getenv("OMP_NUM_THREADS") == null && System.getProperty(Nd4jRuntime.THREADS_PROPERTY) == null) {
            assertTrue(setting.contains("ompThreads=1, nd4jMasterThreads=1") && setting.contains("engine default"),
                setting);
        }
    }

    @Test
    void threadSettingsParse() {
        assertArrayEquals(new int[] {1, 4}, Nd4jRuntime.parseThreads("auto", 4));
        assertArrayEquals(new int[] {2, 1}, Nd4jRuntime.parseThreads(" 2 , 1 ", 4));
        assertArrayEquals(new int[] {1, 4}, Nd4jRuntime.parseThreads("1", 4));
        assertThrows(IllegalArgumentException.class, () -> Nd4jRuntime.parseThreads("many", 4));
        assertThrows(IllegalArgumentException.class, () -> Nd4jRuntime.parseThreads("0,2", 4));
        assertThrows(IllegalArgumentException.class, () -> Nd4jRuntime.parseThreads("1,2,3", 4));
    }
}
