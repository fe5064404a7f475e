package org.aedetect.autoencoder.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.aedetect.autoencoder.engine.RowCursor;
import org.aedetect.autoencoder.engine.RowSource;

/**
 * Rows in [0, 1] that look a little like images: a smooth mix of a few random patterns, generated
 * again from the seed on every pass, so the benchmark data never sits in the heap as doubles.
 */
public final class GeneratedImages implements RowSource {
    static final int COLUMNS = 784;

    private static final int PATTERNS = 8;

    private final int rows;

    private final long seed;

    private final double[][] patterns;

    public GeneratedImages(final int rows, final long seed) {
        this.rows = rows;
        this.seed = seed;
        final SplittableRandom random = new SplittableRandom(seed);
        patterns = new double[PATTERNS][COLUMNS];
        for (final double[] pattern : patterns) {
            for (int c = 0; c < COLUMNS; c++) {
                pattern[c] = random.nextGaussian();
            }
        }
    }

    public static double[][] materialize(final int rows, final long seed) {
        final GeneratedImages source = new GeneratedImages(rows, seed);
        final double[][] all = new double[rows][COLUMNS];
        try (RowCursor cursor = source.open()) {
            for (final double[] row : all) {
                cursor.next(row);
            }
        }
        return all;
    }

    @Override
    public List<String> columnNames() {
        final List<String> names = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            names.add("pixel" + c);
        }
        return names;
    }

    @Override
    public RowCursor open() {
        final SplittableRandom random = new SplittableRandom(seed + 1);
        final double[] weights = new double[PATTERNS];
        return new RowCursor() {
            private int next;

            @Override
            public boolean next(final double[] into) {
                if (next++ >= rows) {
                    return false;
                }
                for (int p = 0; p < PATTERNS; p++) {
                    weights[p] = random.nextGaussian();
                }
                for (int c = 0; c < COLUMNS; c++) {
                    double z = 0;
                    for (int p = 0; p < PATTERNS; p++) {
                        z += weights[p] * patterns[p][c];
                    }
                    into[c] = 1 / (1 + Math.exp(-z / Math.sqrt(PATTERNS)));
                }
                return true;
            }

            @Override
            public void close() {
                // generated rows hold nothing
            }
        };
    }
}
