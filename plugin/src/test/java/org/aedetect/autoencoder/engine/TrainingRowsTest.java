package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingRowsTest {

    private static final int ROWS = 1000;

    /** Row i holds the single value i, so every prepared row says which input row it came from. */
    private static final RowSource NUMBERED = new RowSource() {
        private final double[][] rows = numbered();

        @Override
        public List<String> columnNames() {
            return List.of("id");
        }

        @Override
        public RowCursor open() {
            return ArrayRowSource.of(rows).open();
        }
    };

    private static double[][] numbered() {
        final double[][] rows = new double[ROWS][1];
        for (int i = 0; i < ROWS; i++) {
            rows[i][0] = i;
        }
        return rows;
    }

    private static final ValidationSplit SPLIT = new ValidationSplit(5, 0.2);

    private static StreamedRows streamed() {
        final Normalization identity =
            new Normalization(NormalizationKind.NONE, new double[] {0}, new double[] {1}, new double[] {0});
        final long validation = java.util.stream.LongStream.range(0, ROWS).filter(SPLIT::isValidation).count();
        return new StreamedRows(NUMBERED, new RowPreparer(List.of("id"), identity, MissingValuePolicy.FAIL), SPLIT,
            ROWS - validation, validation);
    }

    private static List<Integer> read(final TrainingRows rows, final RowPart part, final Long seed) {
        final List<Integer> ids = new ArrayList<>();
        final float[] batch = new float[7];
        try (BatchReader reader = rows.open(part, 7, seed)) {
            int n;
            while ((n = reader.next(batch)) > 0) {
                assertTrue(n <= 7);
                for (int i = 0; i < n; i++) {
                    ids.add((int)batch[i]);
                }
            }
        }
        return ids;
    }

    private static List<Integer> expected(final boolean validation) {
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (SPLIT.isValidation(i) == validation) {
                ids.add(i);
            }
        }
        return ids;
    }

    @Test
    void validationSplitHoldsOutAboutTheRequestedFraction() {
        final long held = java.util.stream.LongStream.range(0, 10_000)
            .filter(new ValidationSplit(3, 0.2)::isValidation).count();
        assertTrue(held > 1850 && held < 2150, Long.toString(held));
        assertEquals(0, java.util.stream.LongStream.range(0, 1000).filter(ValidationSplit.NONE::isValidation).count());
    }

    @Test
    void unshuffledPassesKeepTheInputOrderOfEachPart() {
        assertEquals(expected(false), read(streamed(), RowPart.TRAINING, null));
        assertEquals(expected(true), read(streamed(), RowPart.VALIDATION, null));
        final CachedRows cached = CachedRows.fill(streamed());
        assertEquals(expected(false), read(cached, RowPart.TRAINING, null));
        assertEquals(expected(true), read(cached, RowPart.VALIDATION, null));
    }

    @Test
    void shuffledPassesReturnEveryRowOnceInAnotherOrder() {
        for (final TrainingRows rows : List.of(streamed(), CachedRows.fill(streamed()))) {
            final List<Integer> shuffled = read(rows, RowPart.TRAINING, 17L);
            assertNotEquals(expected(false), shuffled);
            assertEquals(expected(false), shuffled.stream().sorted().toList());
            assertEquals(shuffled, read(rows, RowPart.TRAINING, 17L));
            assertNotEquals(shuffled, read(rows, RowPart.TRAINING, 18L));
        }
    }
}
