package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnomalyRankingTest {

    @Test
    void modelRanksOffSubspaceOutliersAboveInliers() {
        final GeneratedData.Subspace data = new GeneratedData.Subspace(10, 2, 11);
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(8, 2).epochs(25).batchSize(32)
            .learningRate(0.005).normalization(NormalizationKind.Z_SCORE).build();
        final TrainedAutoencoder model =
            new AutoencoderTrainer().train(spec, ArrayRowSource.of(data.inliers(1000)), TrainingListener.NONE);

        final double[] inlierScores = model.score(data.inliers(300), ErrorMetric.MSE, false).rowErrors();
        final double[] outlierScores = model.score(data.outliers(60), ErrorMetric.MSE, false).rowErrors();

        final double auroc = GeneratedData.auroc(inlierScores, outlierScores);
        assertTrue(auroc > 0.95, "AUROC " + auroc);
    }

    @Test
    void modelRanksDistortedSineWavesAboveNormalWaves() {
        final GeneratedData.SineWaves waves = new GeneratedData.SineWaves(24, 5);
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(16, 4).epochs(25).batchSize(32)
            .learningRate(0.005).build();
        final TrainedAutoencoder model =
            new AutoencoderTrainer().train(spec, ArrayRowSource.of(waves.normal(1000)), TrainingListener.NONE);

        final double[] normalScores = model.score(waves.normal(300), ErrorMetric.MSE, false).rowErrors();
        final double[] anomalyScores = model.score(waves.anomalies(60), ErrorMetric.MSE, false).rowErrors();

        final double auroc = GeneratedData.auroc(normalScores, anomalyScores);
        assertTrue(auroc > 0.95, "AUROC " + auroc);
    }
}
