package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random small, dirty tables through training and scoring: every run either fails with one of the engine's
 * documented exceptions and a message, or gives a model whose scores keep the row count and order and are
 * finite or NaN-and-counted (missing or unscorable), never infinite or an unexplained NaN.
 */
class EnginePropertyTest {

    /** A table plus the settings it is trained with. */
    record Case(double[][] rows, MissingValuePolicy policy, NormalizationKind normalization, double validation,
        long seed) {
        @Override
        public String toString() {
            return policy + "/" + normalization + "/val " + validation + "/seed " + seed + " "
                + Arrays.deepToString(rows);
        }
    }

    /** Values as dirty tables have them: ordinary, tiny, huge, NaN (missing), now and then an infinity. */
    static Arbitrary<Double> dirtyValue() {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(40, Arbitraries.doubles().between(-10, 10)),
            net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(-1, 1).map(d -> d * 1e-300)),
            net.jqwik.api.Tuple.of(6, Arbitraries.of(1e38, -1e38, 3e38, 1e20, -1e12)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Double.NaN)),
            net.jqwik.api.Tuple.of(6, Arbitraries.of(0.0, 1.0, 7.5)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Provide
    Arbitrary<Case> cases() {
        final Arbitrary<double[][]> rows = Arbitraries.integers().between(1, 4).flatMap(columns -> dirtyValue()
            .array(double[].class).ofSize(columns).array(double[][].class).ofMinSize(1).ofMaxSize(14));
        return Combinators.combine(rows, Arbitraries.of(MissingValuePolicy.class),
            Arbitraries.of(NormalizationKind.class), Arbitraries.of(0.0, 0.3), Arbitraries.longs().between(0, 99))
            .as(Case::new);
    }

    @Property(tries = 30)
    void trainingAndScoringGiveAMessageOrSoundScores(@ForAll("cases") final Case c) {
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(2, 1).epochs(1).batchSize(4)
            .missingValuePolicy(c.policy()).normalization(c.normalization()).validationFraction(c.validation())
            .seed(c.seed()).build();
        final TrainedAutoencoder model;
        try {
            model = new AutoencoderTrainer().train(spec, ArrayRowSource.of(c.rows()), TrainingListener.NONE);
        } catch (InvalidDataException | TrainingFailedException | InvalidSpecException e) {
            assertTrue(e.getMessage() != null && e.getMessage().length() > 20, e.getMessage());
            Statistics.collect(e.getClass().getSimpleName());
            return;
        }
        Statistics.collect("trained");
        final List<double[]> scorable = new ArrayList<>();
        for (final double[] row : c.rows()) {
            if (Arrays.stream(row).noneMatch(Double::isInfinite)) {
                scorable.add(row);
            }
        }
        final double[][] probe = scorable.toArray(new double[0][]);
        for (final ErrorMetric metric : ErrorMetric.values()) {
            final ScoreResult result = model.score(probe, metric, true);
            assertEquals(probe.length, result.rowErrors().length, "one score per row");
            int missing = 0;
            for (int r = 0; r < probe.length; r++) {
                final double score = result.rowErrors()[r];
                final boolean hasMissing = Arrays.stream(probe[r]).anyMatch(Double::isNaN);
                if (hasMissing && c.policy() != MissingValuePolicy.IMPUTE_MEAN) {
                    assertTrue(Double.isNaN(score), "row " + r + " with a missing value is not scored");
                    missing++;
                } else {
                    assertTrue(Double.isFinite(score) && score >= 0, metric + " row " + r + ": " + score);
                    assertTrue(Arrays.stream(result.columnErrors()[r]).allMatch(Double::isFinite));
                }
            }
            assertEquals(missing, result.missingRows());
            assertEquals(0, result.unscorableRows());
        }
        assertTrue(Double.isFinite(model.trainingErrors().mean()), "training errors are finite");
    }

    @Provide
    Arbitrary<double[]> scores() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(0, 1e6)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, 1e-300, 1e300)))
            .array(double[].class).ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 30)
    void everyRuleGivesAFiniteThresholdOrAMessageAndSplitsEveryScoreOnce(@ForAll("scores") final double[] scores) {
        final ErrorDistribution training = ErrorDistribution.of(new double[] {0.1, 0.2, 0.3, 0.4});
        final boolean anyScore = Arrays.stream(scores).anyMatch(s -> !Double.isNaN(s));
        for (final ThresholdRule rule : List.of(ThresholdRule.percentile(95), ThresholdRule.contamination(0.1),
            ThresholdRule.meanPlusKSd(3), ThresholdRule.medianPlusKMad(3), ThresholdRule.iqr(1.5),
            ThresholdRule.fixed(0.5), ThresholdRule.trainingQuantile(0.99))) {
            final double threshold;
            try {
                threshold = rule.threshold(scores, training);
            } catch (IllegalArgumentException e) {
                assertTrue(!anyScore && e.getMessage().startsWith("All " + scores.length + " scores are missing"),
                    rule.describe() + ": " + e.getMessage());
                continue;
            }
            assertTrue(Double.isFinite(threshold), rule.describe() + " gave " + threshold);
            int anomalies = 0;
            for (final double s : scores) {
                anomalies += rule.isAnomaly(s, threshold) ? 1 : 0;
            }
            final long present = Arrays.stream(scores).filter(s -> !Double.isNaN(s)).count();
            assertTrue(anomalies <= present, "missing scores are never anomalies");
        }
    }
}
