package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainingLoopTest {

    private static final double[][] ROWS = new GeneratedData.Subspace(6, 2, 8).inliers(300);

    private static final AutoencoderSpec SPEC =
        AutoencoderSpec.builder().hiddenLayers(4, 2).epochs(4).batchSize(32).earlyStoppingPatience(0).build();

    @Test
    void epochEventsArriveInOrderAndMatchTheHistory() {
        final List<EpochEvent> events = new ArrayList<>();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(SPEC, ArrayRowSource.of(ROWS),
            new TrainingListener() {
                @Override
                public void onEpoch(final EpochEvent event) {
                    events.add(event);
                }
            });
        assertEquals(List.of(1, 2, 3, 4), events.stream().map(EpochEvent::epoch).toList());
        assertTrue(events.stream().allMatch(e -> e.totalEpochs() == 4 && e.seconds() >= 0
            && Double.isFinite(e.trainingLoss()) && Double.isFinite(e.validationLoss())), events.toString());
        assertEquals(events, model.history());
        assertEquals(4, model.bestEpoch());
    }

    @Test
    void miniBatchProgressCountsUpToTheTrainingRowsEveryEpoch() {
        final List<long[]> progress = new ArrayList<>();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(SPEC, ArrayRowSource.of(ROWS),
            new TrainingListener() {
                @Override
                public void onMiniBatch(final int epoch, final long rowsDone, final long rowsPerEpoch) {
                    progress.add(new long[] {epoch, rowsDone, rowsPerEpoch});
                }
            });
        final long perEpoch = model.trainingRowCount();
        final long batchesPerEpoch = (perEpoch + 31) / 32;
        assertEquals(4 * batchesPerEpoch, progress.size());
        final long[] endOfSecondEpoch = progress.get((int)(2 * batchesPerEpoch - 1));
        assertArrayEquals(new long[] {2, perEpoch, perEpoch}, endOfSecondEpoch);
        assertArrayEquals(new long[] {3, 32, perEpoch}, progress.get((int)(2 * batchesPerEpoch)));
    }

    @Test
    void cancelDuringSecondEpochStopsWithinOneMiniBatchAndGivesNoModel() {
        final AtomicInteger checksAfterCancel = new AtomicInteger();
        final List<Integer> epochs = new ArrayList<>();
        final TrainingListener listener = new TrainingListener() {
            private int checksInEpochTwo;

            @Override
            public void onEpoch(final EpochEvent event) {
                epochs.add(event.epoch());
            }

            @Override
            public boolean isCanceled() {
                if (epochs.size() == 1 && ++checksInEpochTwo > 3) {
                    checksAfterCancel.incrementAndGet();
                    return true;
                }
                return false;
            }
        };
        assertThrows(TrainingCanceledException.class,
            () -> new AutoencoderTrainer().train(SPEC, ArrayRowSource.of(ROWS), listener));
        assertEquals(List.of(1), epochs);
        assertEquals(1, checksAfterCancel.get(), "training went on after the listener canceled");
    }

    @Test
    void cancelWhileStreamingClosesTheSource() {
        final CountingSource source = new CountingSource(ArrayRowSource.of(ROWS));
        final TrainingListener cancelInFirstTrainingPass = new TrainingListener() {
            @Override
            public boolean isCanceled() {
                return source.opened >= 2;
            }
        };
        assertThrows(TrainingCanceledException.class,
            () -> new AutoencoderTrainer(0).train(SPEC, source, cancelInFirstTrainingPass));
        // the first pass, then the first training pass, canceled before its first mini-batch
        assertEquals(2, source.opened);
        assertEquals(source.opened, source.closed);
    }

    @Test
    void earlyStoppingKeepsTheWeightsOfTheBestEpoch() {
        // pure noise, few rows and a fast learner: the validation loss soon stops improving
        final double[][] noise = GeneratedData.uniform(80, 8, 9);
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(16, 8).epochs(200).batchSize(8)
            .learningRate(0.02).validationFraction(0.3).earlyStoppingPatience(3).build();
        final TrainedAutoencoder stopped = new AutoencoderTrainer().train(spec, ArrayRowSource.of(noise), null);

        final List<EpochEvent> history = stopped.history();
        assertTrue(history.size() < 200, "did not stop early");
        assertEquals(history.size() - 3, stopped.bestEpoch());
        final double best = history.get(stopped.bestEpoch() - 1).validationLoss();
        assertTrue(history.stream().allMatch(e -> e.validationLoss() >= best), history.toString());

        // training is deterministic, so a run of exactly bestEpoch epochs must end with the same weights
        final TrainedAutoencoder upToBest = new AutoencoderTrainer().train(
            spec.toBuilder().epochs(stopped.bestEpoch()).earlyStoppingPatience(0).build(), ArrayRowSource.of(noise),
            null);
        assertArrayEquals(upToBest.score(noise, ErrorMetric.MSE, false).rowErrors(),
            stopped.score(noise, ErrorMetric.MSE, false).rowErrors());
    }

    @Test
    void trainingWithoutValidationReportsNaNValidationLoss() {
        final TrainedAutoencoder model = new AutoencoderTrainer().train(
            SPEC.toBuilder().validationFraction(0).build(), ArrayRowSource.of(ROWS), null);
        assertTrue(model.history().stream().allMatch(e -> Double.isNaN(e.validationLoss())));
        assertEquals(0, model.validationRowCount());
        assertEquals(300, model.trainingRowCount());
        assertEquals(300, model.trainingErrors().count());
    }

    @Test
    void trainerCachesRowsThatFitTheBudget() {
        final CountingSource source = new CountingSource(ArrayRowSource.of(ROWS));
        new AutoencoderTrainer().train(SPEC, source, null);
        // the first pass is kept in memory and replayed to fill the cache: the source is read once
        assertEquals(1, source.opened);
        assertEquals(source.opened, source.closed);
    }

    @Test
    void rowsInMemoryAreReadAgainRatherThanCopiedWithTheSameResult() {
        final CountingSource inMemory = new CountingSource(ArrayRowSource.of(ROWS), true);
        final TrainedAutoencoder direct = new AutoencoderTrainer().train(SPEC, inMemory, null);
        // the first pass, then the cache fill from the source itself (one pass for the training rows, one for the
        // validation rows): no copy of the first pass
        assertEquals(3, inMemory.opened);
        assertEquals(inMemory.opened, inMemory.closed);
        final TrainedAutoencoder replayed = new AutoencoderTrainer().train(SPEC, new CountingSource(
            ArrayRowSource.of(ROWS)), null);
        assertEquals(losses(replayed), losses(direct));
        assertArrayEquals(replayed.trainingErrors().table(), direct.trainingErrors().table());
    }

    private static List<Double> losses(final TrainedAutoencoder model) {
        return model.history().stream().flatMap(e -> java.util.stream.Stream.of(e.trainingLoss(), e.validationLoss()))
            .toList();
    }

    @Test
    void trainerRereadsTheSourceEachEpochWhenRowsExceedTheBudget() {
        final CountingSource source = new CountingSource(ArrayRowSource.of(ROWS));
        final TrainedAutoencoder model = new AutoencoderTrainer(1000).train(SPEC, source, null);
        // first pass, training and validation pass per epoch, and the training errors pass
        assertEquals(1 + 2 * 4 + 1, source.opened);
        assertEquals(source.opened, source.closed);
        assertEquals(300, model.trainingRowCount() + model.validationRowCount());
        assertEquals(model.trainingRowCount(), model.trainingErrors().count());
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyOptimizerReducesTheLoss(final OptimizerKind optimizer) {
        final AutoencoderSpec spec = SPEC.toBuilder().optimizer(optimizer).epochs(6).learningRate(0.01).build();
        final List<EpochEvent> history = new AutoencoderTrainer().train(spec, ArrayRowSource.of(ROWS), null).history();
        assertTrue(history.get(5).trainingLoss() < history.get(0).trainingLoss(), history.toString());
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void everyHiddenActivationTrainsWithRegularisationAndNoise(final HiddenActivation activation) {
        final AutoencoderSpec spec = SPEC.toBuilder().hiddenActivation(activation).dropout(0.2).l2(1e-4)
            .noiseStdDev(0.05).loss(LossKind.MAE).build();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(spec, ArrayRowSource.of(ROWS), null);
        assertTrue(java.util.Arrays.stream(model.score(ROWS, ErrorMetric.MSE, false).rowErrors())
            .allMatch(Double::isFinite));
    }

    @Test
    void binaryCrossEntropyTrainsOnMinMaxData() {
        final AutoencoderSpec spec = SPEC.toBuilder().loss(LossKind.BINARY_CROSS_ENTROPY).epochs(6)
            .learningRate(0.01).build();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(spec, ArrayRowSource.of(ROWS), null);
        assertEquals(OutputActivation.SIGMOID, model.spec().outputActivation());
        assertTrue(model.history().get(5).trainingLoss() < model.history().get(0).trainingLoss());
    }
}
