package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final GeneratedData.Subspace DATA = new GeneratedData.Subspace(8, 3, 4);

    private static final double[][] TRAINING = DATA.inliers(400);

    private static final double[][] SCORED = DATA.outliers(50);

    // dropout and input noise draw random numbers too; they must be seeded as well
    private static final AutoencoderSpec SPEC = AutoencoderSpec.builder().hiddenLayers(6, 3).epochs(3).batchSize(16)
        .dropout(0.1).noiseStdDev(0.05).validationFraction(0.2).build();

    private static double[] trainAndScore(final AutoencoderSpec spec, final long cacheBudget) {
        return new AutoencoderTrainer(cacheBudget).train(spec, ArrayRowSource.of(TRAINING), TrainingListener.NONE)
            .score(SCORED, ErrorMetric.MSE, false).rowErrors();
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesIdenticalScores() {
        assertArrayEquals(trainAndScore(SPEC, AutoencoderTrainer.DEFAULT_CACHE_BUDGET_BYTES),
            trainAndScore(SPEC, AutoencoderTrainer.DEFAULT_CACHE_BUDGET_BYTES));
    }

    @Test
    void streamingTrainingIsDeterministicToo() {
        assertArrayEquals(trainAndScore(SPEC, 0), trainAndScore(SPEC, 0));
    }

    @Test
    void anotherSeedGivesOtherScores() {
        assertFalse(Arrays.equals(trainAndScore(SPEC, AutoencoderTrainer.DEFAULT_CACHE_BUDGET_BYTES),
            trainAndScore(SPEC.toBuilder().seed(43).build(), AutoencoderTrainer.DEFAULT_CACHE_BUDGET_BYTES)));
    }
}
