package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A network too large for the memory fails with a message naming the setting to change, never an OutOfMemoryError. */
class ResourceLimitTest {

    private static final AutoencoderSpec HUGE =
        AutoencoderSpec.builder().hiddenLayers(400_000_000, 2).epochs(1).batchSize(4).validationFraction(0).build();

    @Test
    void parameterCountMatchesTheBuiltNetwork() {
        final TrainedAutoencoder model = new AutoencoderTrainer().train(HUGE.toBuilder().hiddenLayers(7, 3).build(),
            ArrayRowSource.of(GeneratedData.uniform(8, 5, 1)), TrainingListener.NONE);
        assertEquals(model.parameterCount(), MemoryBudget.parameterCount(5, new int[] {7, 3}));
    }

    @Test
    void aNetworkBeyondTheMemoryLimitIsRefusedUpFrontNamingTheSetting() {
        final long limit = MemoryBudget.availableBytes();
        // 10 columns x 400 million units: 10.4 billion weights, 42 GB as float32, far above the test JVM's 2 GB
        assertTrue(MemoryBudget.trainingBytes(10, HUGE.hiddenLayers(), 4) > 4 * limit);
        final var rowsRead = new int[1];
        final RowSource source = new RowSource() {
            @Override
            public List<String> columnNames() {
                return ArrayRowSource.of(GeneratedData.uniform(1, 10, 2)).columnNames();
            }

            @Override
            public RowCursor open() {
                rowsRead[0]++;
                return ArrayRowSource.of(GeneratedData.uniform(20, 10, 2)).open();
            }
        };
        final var e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
            InsufficientMemoryException.class, () -> new AutoencoderTrainer().train(HUGE, source, null)));
        assertTrue(e.getMessage().contains("-Xmx in knime.ini"), e.getMessage());
        assertTrue(e.getMessage().contains("org.bytedeco.javacpp.maxbytes"), e.getMessage());
        assertTrue(e.getMessage().contains("10,400,000,012") && e.getMessage().contains("weights"), e.getMessage());
        assertEquals(0, rowsRead[0], "refused before reading the data");
    }

    @Test
    void anOutOfMemoryErrorDuringTrainingBecomesTheSameKindOfMessage() {
        // simulated where it is cheap and safe: the first pass fails to allocate
        final RowSource failing = new RowSource() {
            @Override
            public List<String> columnNames() {
                return List.of("a", "b");
            }

            @Override
            public RowCursor open() {
                throw new OutOfMemoryError("Cannot allocate new FloatPointer(1000): totalBytes = 2G, physicalBytes = 3G");
            }
        };
        final var e = assertThrows(InsufficientMemoryException.class,
            () -> new AutoencoderTrainer().train(AutoencoderSpec.defaults(), failing, null));
        assertTrue(e.getMessage().startsWith("Not enough memory to train this network"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx in knime.ini"), e.getMessage());
        assertTrue(e.getCause() instanceof OutOfMemoryError);
        // and the engine is fine afterwards
        new AutoencoderTrainer().train(HUGE.toBuilder().hiddenLayers(3, 2).build(),
            ArrayRowSource.of(GeneratedData.uniform(8, 3, 3)), null);
    }

    @Test
    void theLargestAutomaticNetworkFitsTheTestMemory() {
        // 2000 columns with automatic layers (256-64): must not be refused by the estimate
        MemoryBudget.requireFits(2000, AutoencoderSpec.defaults().resolveHiddenLayers(2000), 64);
    }
}
