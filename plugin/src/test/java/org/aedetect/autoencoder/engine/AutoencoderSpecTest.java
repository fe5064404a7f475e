package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AutoencoderSpecTest {

    @Test
    void defaultsAreValid() {
        assertTrue(AutoencoderSpec.defaults().validate().isEmpty());
        assertEquals(NormalizationKind.MIN_MAX, AutoencoderSpec.defaults().normalization());
        assertEquals(MissingValuePolicy.FAIL, AutoencoderSpec.defaults().missingValuePolicy());
    }

    @Test
    void automaticLayerSizesAdaptToTheNumberOfColumns() {
        final AutoencoderSpec spec = AutoencoderSpec.defaults();
        assertArrayEquals(new int[] {8, 3}, spec.resolveHiddenLayers(10));
        assertArrayEquals(new int[] {256, 64}, spec.resolveHiddenLayers(784));
        assertArrayEquals(new int[] {2, 1}, spec.resolveHiddenLayers(1));
        assertArrayEquals(new int[] {5, 3}, spec.toBuilder().hiddenLayers(5, 3).build().resolveHiddenLayers(784));
    }

    @Test
    void toBuilderRoundTripsEverySetting() {
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(7, 2).hiddenActivation(HiddenActivation.ELU)
            .outputActivation(OutputActivation.LINEAR).dropout(0.2).l2(1e-4).loss(LossKind.MAE)
            .optimizer(OptimizerKind.RMSPROP).learningRate(0.01).epochs(3).batchSize(8).validationFraction(0.3)
            .earlyStoppingPatience(2).seed(9).normalization(NormalizationKind.Z_SCORE).noiseStdDev(0.1)
            .missingValuePolicy(MissingValuePolicy.IMPUTE_MEAN).build();
        assertEquals(spec, spec.toBuilder().build());
        assertEquals(spec.hashCode(), spec.toBuilder().build().hashCode());
    }

    @Test
    void validateExplainsEachBadSettingInWords() {
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(4, 0).dropout(1).l2(-1).learningRate(0)
            .epochs(0).batchSize(0).validationFraction(1).earlyStoppingPatience(-1).noiseStdDev(-0.1).build();
        final List<String> problems = spec.validate();
        assertEquals(9, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("hidden layer needs at least 1 unit"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("The learning rate must be a positive number")));
    }

    @Test
    void binaryCrossEntropyWithZScoreOrLinearOutputIsInvalid() {
        final List<String> problems = AutoencoderSpec.builder().loss(LossKind.BINARY_CROSS_ENTROPY)
            .normalization(NormalizationKind.Z_SCORE).outputActivation(OutputActivation.LINEAR).build().validate();
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void trainerRejectsInvalidSpecWithItsMessages() {
        final AutoencoderSpec spec = AutoencoderSpec.builder().epochs(0).build();
        final var e = assertThrows(InvalidSpecException.class, () -> new AutoencoderTrainer().train(spec,
            ArrayRowSource.of(new double[][] {{1, 2}}), TrainingListener.NONE));
        assertEquals(spec.validate(), e.problems());
    }
}
