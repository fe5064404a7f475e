package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link TrainedAutoencoder#releaseThreadMemory()}, called after every Scorer run on KNIME's pooled threads, frees
 * the thread's workspaces without the full garbage collection ND4J's own destroy-all forces.
 */
class ThreadMemoryTest {

    @Test
    void releaseDestroysTheThreadsWorkspacesWithoutAFullCollection() {
        Nd4jRuntime.ensureInitialized();
        final MemoryWorkspaceManager manager = Nd4j.getWorkspaceManager();
        try (MemoryWorkspace workspace = manager.getAndActivateWorkspace("aedetect-thread-memory-test")) {
            Nd4j.create(64);
        }
        assertFalse(manager.getAllWorkspacesForCurrentThread().isEmpty());
        final List<GarbageCollectorMXBean> full = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(gc -> gc.getName().contains("Old") || gc.getName().contains("MarkSweep"))
            .collect(Collectors.toList());
        final long before = full.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();

        TrainedAutoencoder.releaseThreadMemory();

        assertTrue(manager.getAllWorkspacesForCurrentThread().isEmpty());
        assumeTrue(!full.isEmpty(), "no full-collection counter on this JVM's collector");
        assertEquals(before, full.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum(),
            "releasing workspace memory ran a full garbage collection");
    }
}
