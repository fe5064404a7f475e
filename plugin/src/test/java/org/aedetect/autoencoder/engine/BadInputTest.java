package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BadInputTest {

    private static final double NAN = Double.NaN;

    private static final AutoencoderSpec QUICK =
        AutoencoderSpec.builder().hiddenLayers(3, 2).epochs(2).batchSize(4).validationFraction(0).build();

    private static TrainedAutoencoder train(final AutoencoderSpec spec, final double[][] rows) {
        return new AutoencoderTrainer().train(spec, new ArrayRowSource(List.of("a", "b", "c", "d").subList(0,
            rows[0].length), rows), TrainingListener.NONE);
    }

    private static double[][] rowsWithMissing() {
        final double[][] rows = GeneratedData.uniform(20, 3, 1);
        rows[2][1] = NAN;
        rows[7][0] = NAN;
        return rows;
    }

    private static boolean allFinite(final double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    @Test
    void trainerRejectsMissingValueUnderFailPolicyNamingColumnAndRow() {
        final var e = assertThrows(InvalidDataException.class, () -> train(QUICK, rowsWithMissing()));
        assertTrue(e.getMessage().startsWith("Column 'b' has a missing value in row 3."), e.getMessage());
    }

    @Test
    void trainerSkipsRowsWithMissingValuesAndWarns() {
        final TrainedAutoencoder model =
            train(QUICK.toBuilder().missingValuePolicy(MissingValuePolicy.SKIP_ROW).build(), rowsWithMissing());
        assertEquals(2, model.skippedRowCount());
        assertEquals(18, model.trainingRowCount());
        assertTrue(model.warnings().contains("2 of 20 rows have missing values and were skipped."), model.warnings()
            .toString());
    }

    @Test
    void scorerGivesMissingScoreForUnimputedMissingValues() {
        final TrainedAutoencoder model =
            train(QUICK.toBuilder().missingValuePolicy(MissingValuePolicy.SKIP_ROW).build(), rowsWithMissing());
        final ScoreResult result = model.score(new double[][] {{0.1, NAN, 0.3}, {0.1, 0.2, 0.3}}, ErrorMetric.MAE,
            true);
        assertEquals(1, result.missingRows());
        assertTrue(Double.isNaN(result.rowErrors()[0]));
        assertTrue(Double.isFinite(result.rowErrors()[1]));
        assertTrue(Arrays.stream(result.columnErrors()[0]).allMatch(Double::isNaN));
    }

    @Test
    void trainerImputesTrainingMeansAndScorerUsesThem() {
        final double[][] rows = rowsWithMissing();
        final TrainedAutoencoder model =
            train(QUICK.toBuilder().missingValuePolicy(MissingValuePolicy.IMPUTE_MEAN).build(), rows);
        final double meanOfB = Arrays.stream(rows).mapToDouble(r -> r[1]).filter(v -> !Double.isNaN(v)).average()
            .orElseThrow();
        assertEquals(meanOfB, model.normalizer().imputationMeans()[1], 1e-12);
        assertEquals(20, model.trainingRowCount());

        final double withMissing = model.score(new double[] {0.1, NAN, 0.3}, ErrorMetric.MSE);
        final double withMean = model.score(new double[] {0.1, meanOfB, 0.3}, ErrorMetric.MSE);
        assertEquals(withMean, withMissing);
        assertEquals(0, model.score(new double[][] {{0.1, NAN, 0.3}}, ErrorMetric.MSE, false).missingRows());
    }

    @Test
    void trainerRejectsAllRowsSkipped() {
        final double[][] rows = {{NAN, 1}, {2, NAN}};
        final var e = assertThrows(InvalidDataException.class,
            () -> train(QUICK.toBuilder().missingValuePolicy(MissingValuePolicy.SKIP_ROW).build(), rows));
        assertTrue(e.getMessage().startsWith("All 2 rows have missing values and were skipped"), e.getMessage());
    }

    @Test
    void trainerRejectsColumnWithoutAnyValueWhenImputing() {
        final double[][] rows = {{NAN, 1}, {NAN, 2}};
        final var e = assertThrows(InvalidDataException.class,
            () -> train(QUICK.toBuilder().missingValuePolicy(MissingValuePolicy.IMPUTE_MEAN).build(), rows));
        assertTrue(e.getMessage().startsWith("Column 'a' has no values in the training rows"), e.getMessage());
    }

    @Test
    void trainerRejectsInfinityNamingColumnAndRow() {
        final double[][] rows = GeneratedData.uniform(10, 3, 2);
        rows[4][2] = Double.NEGATIVE_INFINITY;
        final var e = assertThrows(InvalidDataException.class, () -> train(QUICK, rows));
        assertTrue(e.getMessage().startsWith("Column 'c' has an infinite value (-Infinity) in row 5."), e.getMessage());
    }

    @Test
    void scorerRejectsInfinity() {
        final TrainedAutoencoder model = train(QUICK, GeneratedData.uniform(10, 3, 2));
        final var e = assertThrows(InvalidDataException.class,
            () -> model.score(new double[][] {{0, 0, 0}, {Double.POSITIVE_INFINITY, 0, 0}}, ErrorMetric.MSE, false));
        assertTrue(e.getMessage().startsWith("Column 'a' has an infinite value (Infinity) in row 2."), e.getMessage());
    }

    @Test
    void trainerRejectsValuesBeyondFloatRange() {
        final double[][] rows = GeneratedData.uniform(10, 3, 2);
        rows[0][1] = 1e39;
        final var e = assertThrows(InvalidDataException.class, () -> train(QUICK, rows));
        assertTrue(e.getMessage().startsWith("Column 'b' has the value 1.0E39 in row 1, which is too large"),
            e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = NormalizationKind.class, names = {"MIN_MAX", "Z_SCORE"})
    void hugeValuesTrainFineWhenNormalized(final NormalizationKind normalization) {
        final double[][] rows = GeneratedData.uniform(30, 3, 3);
        for (final double[] row : rows) {
            row[0] *= 1e30;
        }
        final TrainedAutoencoder model = train(QUICK.toBuilder().normalization(normalization).build(), rows);
        assertTrue(allFinite(model.score(rows, ErrorMetric.MSE, false).rowErrors()));
    }

    @Test
    void hugeValuesWithoutNormalizationFailWithAClearMessage() {
        final double[][] rows = GeneratedData.uniform(30, 3, 3);
        for (final double[] row : rows) {
            row[0] *= 1e30;
        }
        final var e = assertThrows(TrainingFailedException.class,
            () -> train(QUICK.toBuilder().normalization(NormalizationKind.NONE).build(), rows));
        assertTrue(e.getMessage().contains("use Min-max or Z-score normalization"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(NormalizationKind.class)
    void constantColumnsGiveFiniteScoresAndAWarning(final NormalizationKind normalization) {
        final double[][] rows = GeneratedData.uniform(20, 3, 4);
        for (final double[] row : rows) {
            row[1] = 7.5;
        }
        final TrainedAutoencoder model = train(QUICK.toBuilder().normalization(normalization).build(), rows);
        assertTrue(allFinite(model.score(rows, ErrorMetric.RMSE, false).rowErrors()));
        assertTrue(allFinite(model.score(new double[][] {{0.5, 8, 0.5}}, ErrorMetric.RMSE, false).rowErrors()));
        assertTrue(model.warnings().stream().anyMatch(w -> w.contains("same value in every training row") && w
            .endsWith(": b.")), model.warnings().toString());
    }

    @Test
    void singleRowTrainsWithAWarning() {
        final TrainedAutoencoder model = train(QUICK, new double[][] {{1, 2, 3}});
        assertEquals(1, model.trainingRowCount());
        assertTrue(model.warnings().get(model.warnings().size() - 1).startsWith("Only one row"), model.warnings()
            .toString());
        assertTrue(Double.isFinite(model.score(new double[] {1, 2, 3}, ErrorMetric.MSE)));
    }

    @Test
    void singleRowWithValidationFractionIsUsedForTraining() {
        final AutoencoderSpec spec = QUICK.toBuilder().validationFraction(0.9).seed(1).build();
        final TrainedAutoencoder model = train(spec, new double[][] {{1, 2, 3}});
        assertEquals(1, model.trainingRowCount());
        assertEquals(0, model.validationRowCount());
        assertTrue(model.warnings().get(0).startsWith("All usable rows fell into the validation part"),
            model.warnings().toString());
    }

    @Test
    void moreColumnsThanRowsTrainsWithAWarning() {
        final double[][] rows = GeneratedData.uniform(3, 4, 5);
        final TrainedAutoencoder model = train(QUICK, rows);
        assertTrue(model.warnings().contains("There are fewer rows (3) than columns (4); the model can memorise the "
            + "training rows, so its training errors understate the errors on new data."), model.warnings().toString());
        assertTrue(allFinite(model.score(rows, ErrorMetric.MSE, false).rowErrors()));
    }

    @Test
    void trainerRejectsZeroRows() {
        final var e = assertThrows(InvalidDataException.class, () -> new AutoencoderTrainer().train(QUICK,
            new ArrayRowSource(List.of("a", "b"), new double[0][]), TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("The input has no rows"), e.getMessage());
    }

    @Test
    void trainerRejectsZeroColumns() {
        final var e = assertThrows(InvalidDataException.class, () -> new AutoencoderTrainer().train(QUICK,
            new ArrayRowSource(List.of(), new double[][] {{}}), TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("The input has no columns"), e.getMessage());
    }

    @Test
    void binaryCrossEntropyOnDataOutsideZeroToOneIsRejected() {
        final AutoencoderSpec spec =
            QUICK.toBuilder().loss(LossKind.BINARY_CROSS_ENTROPY).normalization(NormalizationKind.NONE).build();
        final var e = assertThrows(InvalidSpecException.class, () -> train(spec, new double[][] {{0, 2}, {1, 0}}));
        assertTrue(e.getMessage().startsWith("Binary cross-entropy loss needs data between 0 and 1"), e.getMessage());
    }

    @Test
    void automaticOutputIsSigmoidForMinMaxAndLinearForZScore() {
        final double[][] rows = GeneratedData.uniform(10, 2, 6);
        assertEquals(OutputActivation.SIGMOID, train(QUICK, rows).spec().outputActivation());
        assertEquals(OutputActivation.LINEAR,
            train(QUICK.toBuilder().normalization(NormalizationKind.Z_SCORE).build(), rows).spec().outputActivation());
    }

    @Test
    void scorerRejectsRowsOfTheWrongWidth() {
        final TrainedAutoencoder model = train(QUICK, GeneratedData.uniform(10, 3, 2));
        final var e = assertThrows(IllegalArgumentException.class,
            () -> model.score(new double[][] {{1, 2}}, ErrorMetric.MSE, false));
        assertTrue(e.getMessage().startsWith("Row 1 has 2 values, but the model expects 3 (a, b, c)."), e.getMessage());
    }

    @Test
    void perColumnErrorsAreSquaredForMseAndAbsoluteForMae() {
        final TrainedAutoencoder model = train(QUICK, GeneratedData.uniform(10, 3, 2));
        final double[][] rows = {{0.9, 0.1, 0.5}};
        final double[] squared = model.score(rows, ErrorMetric.MSE, true).columnErrors()[0];
        final double[] absolute = model.score(rows, ErrorMetric.MAE, true).columnErrors()[0];
        assertArrayEquals(Arrays.stream(absolute).map(a -> a * a).toArray(), squared, 1e-12);
        assertEquals(Arrays.stream(squared).average().orElseThrow(), model.score(rows[0], ErrorMetric.MSE), 1e-12);
        assertEquals(Math.sqrt(model.score(rows[0], ErrorMetric.MSE)), model.score(rows[0], ErrorMetric.RMSE), 1e-12);
        assertEquals(Arrays.stream(absolute).max().orElseThrow(), model.score(rows[0], ErrorMetric.MAX_ABS), 1e-12);
    }
}
