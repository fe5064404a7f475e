package org.aedetect.autoencoder.engine;

import java.util.Random;

/** Synthetic one-class tasks with known anomalies, generated from a seed (public for the benchmarks). */
public final class GeneratedData {

    private GeneratedData() {
    }

    /** Rows on a random rank-{@code rank} linear subspace of {@code dims} dimensions, plus small noise. */
    static final class Subspace {
        private final double[][] basis;

        private final Random random;

        Subspace(final int dims, final int rank, final long seed) {
            random = new Random(seed);
            basis = new double[rank][dims];
            for (final double[] direction : basis) {
                for (int d = 0; d < dims; d++) {
                    direction[d] = random.nextGaussian();
                }
            }
        }

        double[][] inliers(final int n) {
            final double[][] rows = new double[n][basis[0].length];
            for (final double[] row : rows) {
                for (final double[] direction : basis) {
                    final double z = random.nextGaussian();
                    for (int d = 0; d < row.length; d++) {
                        row[d] += z * direction[d];
                    }
                }
                for (int d = 0; d < row.length; d++) {
                    row[d] += 0.05 * random.nextGaussian();
                }
            }
            return rows;
        }

        /** Gaussian rows with the same per-dimension spread as the inliers but in all directions. */
        double[][] outliers(final int n) {
            final double[][] rows = new double[n][basis[0].length];
            for (final double[] row : rows) {
                for (int d = 0; d < row.length; d++) {
                    double variance = 0;
                    for (final double[] direction : basis) {
                        variance += direction[d] * direction[d];
                    }
                    row[d] = Math.sqrt(variance) * random.nextGaussian();
                }
            }
            return rows;
        }
    }

    /**
     * Sampled sine waves with random amplitude and phase (normal) and waves with a local spike or a
     * doubled frequency (anomalies).
     */
    static final class SineWaves {
        private final int samples;

        private final Random random;

        SineWaves(final int samples, final long seed) {
            this.samples = samples;
            random = new Random(seed);
        }

        double[][] normal(final int n) {
            final double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = wave(1);
            }
            return rows;
        }

        double[][] anomalies(final int n) {
            final double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    rows[i] = wave(2);
                } else {
                    rows[i] = wave(1);
                    rows[i][random.nextInt(samples)] += 1.5;
                }
            }
            return rows;
        }

        private double[] wave(final double frequency) {
            final double amplitude = 0.5 + random.nextDouble();
            final double phase = random.nextDouble() * 2 * Math.PI;
            final double[] row = new double[samples];
            for (int s = 0; s < samples; s++) {
                row[s] = amplitude * Math.sin(frequency * 2 * Math.PI * s / samples + phase)
                    + 0.02 * random.nextGaussian();
            }
            return row;
        }
    }

    /**
     * Uniform random rows in [0, 1).
     *
     * @param n rows
     * @param dims columns
     * @param seed the random seed
     * @return the rows
     */
    public static double[][] uniform(final int n, final int dims, final long seed) {
        final Random random = new Random(seed);
        final double[][] rows = new double[n][dims];
        for (final double[] row : rows) {
            for (int d = 0; d < dims; d++) {
                row[d] = random.nextDouble();
            }
        }
        return rows;
    }

    /**
     * Area under the ROC curve: the probability that a random anomaly scores above a random normal row
     * (ties count half).
     */
    static double auroc(final double[] normalScores, final double[] anomalyScores) {
        double wins = 0;
        for (final double a : anomalyScores) {
            for (final double n : normalScores) {
                wins += a > n ? 1 : a == n ? 0.5 : 0;
            }
        }
        return wins / ((double)normalScores.length * anomalyScores.length);
    }
}
