package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad-input cases of the engine that {@link BadInputTest} does not cover: each gives a clear message or a
 * documented, finite result, never an NPE or a silent NaN.
 */
class EngineBadInputMatrixTest {

    private static final double NAN = Double.NaN;

    private static final AutoencoderSpec QUICK =
        AutoencoderSpec.builder().hiddenLayers(3, 2).epochs(2).batchSize(4).validationFraction(0).build();

    private static TrainedAutoencoder train(final AutoencoderSpec spec, final List<String> names,
        final double[][] rows) {
        return new AutoencoderTrainer().train(spec, new ArrayRowSource(names, rows), TrainingListener.NONE);
    }

    private static TrainedAutoencoder train(final AutoencoderSpec spec, final double[][] rows) {
        return new AutoencoderTrainer().train(spec, ArrayRowSource.of(rows), TrainingListener.NONE);
    }

    /** Scores are finite, or NaN and counted as missing. */
    private static void assertFiniteOrCountedMissing(final ScoreResult result) {
        final long nan = Arrays.stream(result.rowErrors()).filter(Double::isNaN).count();
        assertEquals(result.missingRows() + result.unscorableRows(), nan, "every NaN score is accounted for");
        assertTrue(Arrays.stream(result.rowErrors()).allMatch(e -> Double.isNaN(e) || Double.isFinite(e)),
            Arrays.toString(result.rowErrors()));
    }

    @Test
    void duplicateColumnNamesAreRefused() {
        final var e = assertThrows(InvalidDataException.class,
            () -> train(QUICK, List.of("a", "b", "a"), GeneratedData.uniform(10, 3, 1)));
        assertTrue(e.getMessage().startsWith("The column name 'a' occurs more than once"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(MissingValuePolicy.class)
    void allMissingColumnUnderEveryPolicyFailsNamingTheColumn(final MissingValuePolicy policy) {
        final double[][] rows = GeneratedData.uniform(12, 3, 2);
        for (final double[] row : rows) {
            row[1] = NAN;
        }
        final var e = assertThrows(InvalidDataException.class,
            () -> train(QUICK.toBuilder().missingValuePolicy(policy).build(), List.of("a", "b", "c"), rows));
        final String expected = switch (policy) {
            case FAIL -> "Column 'b' has a missing value in row 1.";
            case SKIP_ROW -> "All 12 rows have missing values and were skipped";
            case IMPUTE_MEAN -> "Column 'b' has no values in the training rows";
        };
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void oneRowWithAMissingValueIsImputedNowhere() {
        final var e = assertThrows(InvalidDataException.class, () -> train(
            QUICK.toBuilder().missingValuePolicy(MissingValuePolicy.IMPUTE_MEAN).build(),
            new double[][] {{1, NAN}}));
        assertTrue(e.getMessage().contains("has no values in the training rows"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e300, -1e300, Float.MAX_VALUE * 2.0})
    void valuesBeyondFloatRangeAreRefusedInTrainingAndScoring(final double value) {
        final double[][] rows = GeneratedData.uniform(10, 2, 3);
        rows[5][0] = value;
        final var e = assertThrows(InvalidDataException.class, () -> train(QUICK, rows));
        assertTrue(e.getMessage().contains("which is too large"), e.getMessage());
        final TrainedAutoencoder model = train(QUICK, GeneratedData.uniform(10, 2, 3));
        final var s = assertThrows(InvalidDataException.class,
            () -> model.score(new double[][] {{value, 0.5}}, ErrorMetric.MSE, false));
        assertTrue(s.getMessage().contains("which is too large"), s.getMessage());
    }

    @ParameterizedTest
    @EnumSource(NormalizationKind.class)
    void tinyValuesTrainAndScoreFinitely(final NormalizationKind normalization) {
        final double[][] rows = GeneratedData.uniform(20, 3, 4);
        for (final double[] row : rows) {
            row[0] *= 1e-300;
            row[2] = -row[2] * 1e-310; // subnormal
        }
        final TrainedAutoencoder model = train(QUICK.toBuilder().normalization(normalization).build(), rows);
        assertFiniteOrCountedMissing(model.score(rows, ErrorMetric.MSE, true));
        assertEquals(0, model.score(rows, ErrorMetric.MSE, false).missingRows());
    }

    @ParameterizedTest
    @EnumSource(NormalizationKind.class)
    void nearConstantColumnTrainsAndScoresFinitely(final NormalizationKind normalization) {
        final double[][] rows = GeneratedData.uniform(20, 3, 5);
        for (int i = 0; i < rows.length; i++) {
            rows[i][1] = 1000 + (i % 2) * 1e-10;
        }
        final TrainedAutoencoder model = train(QUICK.toBuilder().normalization(normalization).build(), rows);
        assertFiniteOrCountedMissing(model.score(rows, ErrorMetric.MSE, true));
        assertTrue(model.warnings().stream().noneMatch(w -> w.contains("same value")), "not constant");
    }

    /**
     * A value far outside the training range of a near-constant column becomes a huge network input
     * after normalization (here 1e38 / 1e-10); it must come out as a finite, top score (or a counted
     * unscorable row), not as NaN or infinity.
     */
    @ParameterizedTest
    @EnumSource(value = NormalizationKind.class, names = {"MIN_MAX", "Z_SCORE"})
    void extremeValueOnNearConstantColumnGetsAFiniteTopScore(final NormalizationKind normalization) {
        final double[][] rows = GeneratedData.uniform(20, 3, 6);
        for (int i = 0; i < rows.length; i++) {
            rows[i][1] = 1 + (i % 2) * 1e-10;
        }
        final TrainedAutoencoder model = train(QUICK.toBuilder().normalization(normalization).build(), rows);
        final double[][] probe = {rows[0], {0.5, 1e38, 0.5}, {0.5, -3e38, 0.5}, {0.5, 1e20, 0.5}};
        for (final ErrorMetric metric : ErrorMetric.values()) {
            final ScoreResult result = model.score(probe, metric, true);
            assertFiniteOrCountedMissing(result);
            assertEquals(0, result.unscorableRows(), metric + ": " + Arrays.toString(result.rowErrors()));
            for (int r = 1; r < probe.length; r++) {
                assertTrue(result.rowErrors()[r] > result.rowErrors()[0], metric + " row " + r);
            }
            for (final double[] columnErrors : result.columnErrors()) {
                assertTrue(Arrays.stream(columnErrors).allMatch(Double::isFinite), Arrays.toString(columnErrors));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MissingValuePolicy.class)
    void scoringMissingValuesFollowsThePolicyTheModelWasTrainedWith(final MissingValuePolicy policy) {
        final TrainedAutoencoder model =
            train(QUICK.toBuilder().missingValuePolicy(policy).build(), GeneratedData.uniform(12, 3, 7));
        final ScoreResult result =
            model.score(new double[][] {{NAN, 0.2, 0.3}, {0.1, 0.2, 0.3}, {NAN, NAN, NAN}}, ErrorMetric.MSE, false);
        assertFiniteOrCountedMissing(result);
        assertTrue(Double.isFinite(result.rowErrors()[1]));
        if (policy == MissingValuePolicy.IMPUTE_MEAN) {
            assertEquals(0, result.missingRows());
            assertTrue(Double.isFinite(result.rowErrors()[2]), "an all-missing row is imputed entirely");
        } else {
            // documented: a model that does not impute gives missing scores, counted, never an exception
            assertEquals(2, result.missingRows());
        }
    }

    @Test
    void scoringNoRowsGivesNoScores() {
        final TrainedAutoencoder model = train(QUICK, GeneratedData.uniform(8, 2, 8));
        final ScoreResult result = model.score(new double[0][], ErrorMetric.MSE, true);
        assertEquals(0, result.rowErrors().length);
        assertEquals(0, result.missingRows());
    }

    @Test
    void manyMoreColumnsThanRowsTrainsAndScoresFinitely() {
        final double[][] rows = GeneratedData.uniform(2, 40, 9);
        final TrainedAutoencoder model = train(QUICK.toBuilder().hiddenLayers().build(), rows);
        assertFiniteOrCountedMissing(model.score(rows, ErrorMetric.RMSE, true));
        assertTrue(model.warnings().stream().anyMatch(w -> w.startsWith("There are fewer rows (2) than columns (40)")),
            model.warnings().toString());
    }

    @Test
    void everyRowIdenticalTrainsWithConstantColumnWarning() {
        final double[][] rows = new double[15][3];
        for (final double[] row : rows) {
            Arrays.fill(row, 4.25);
        }
        final TrainedAutoencoder model = train(QUICK, rows);
        final ScoreResult result = model.score(new double[][] {rows[0], {4.25, 5, 4.25}}, ErrorMetric.MSE, false);
        assertFiniteOrCountedMissing(result);
        assertEquals(0, result.missingRows());
        assertTrue(model.warnings().stream().anyMatch(w -> w.contains("same value in every training row")),
            model.warnings().toString());
    }

    @Test
    void nanScoresFromThresholdRulesAreImpossibleWithInfiniteScores() {
        final double[] scores = {0.1, 0.2, Double.POSITIVE_INFINITY, 0.3};
        for (final ThresholdRule rule : List.of(ThresholdRule.percentile(99), ThresholdRule.contamination(0.3),
            ThresholdRule.meanPlusKSd(2), ThresholdRule.medianPlusKMad(3), ThresholdRule.iqr(1.5))) {
            final var e = assertThrows(IllegalArgumentException.class, () -> rule.threshold(scores, null),
                rule.describe());
            assertTrue(e.getMessage().startsWith("Score 3 is infinite"), e.getMessage());
        }
        assertFalse(Double.isNaN(ThresholdRule.fixed(1).threshold(scores, null)));
    }
}
