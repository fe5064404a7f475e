package org.aedetect.autoencoder.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RowSource} that keeps the values of its first complete pass in memory, up to a limit, and serves
 * later passes from there. Why: training reads its input once to fit the normalization and once more to fill
 * the row cache; for a KNIME table each pass reads every cell object again (about as costly as the network's
 * work on a small model), so a table that fits is now read once. The values are kept as doubles, exactly as
 * the source gave them, so later passes see the same rows in the same order. Over the limit, the recording is
 * dropped and every pass reads the source, as before.
 */
final class ReplayedRows implements RowSource {

    /** Values per block of the recording (512 KiB of doubles): no large copy when it grows. */
    private static final int BLOCK = 1 << 16;

    private final RowSource source;

    private final long limitValues;

    private final int columns;

    /** The first complete pass, or null. */
    private List<double[]> blocks;

    private long recordedRows;

    /** Set once a pass has gone over the limit: later passes do not try again. */
    private boolean tooLarge;

    /**
     * @param source the rows
     * @param limitBytes the most memory the recording may take; a larger input is read from the source each time
     */
    ReplayedRows(final RowSource source, final long limitBytes) {
        this.source = source;
        this.columns = source.columnNames().size();
        this.limitValues = Math.max(0, limitBytes / Double.BYTES);
    }

    @Override
    public List<String> columnNames() {
        return source.columnNames();
    }

    /** Whether a complete pass is in memory (for tests). */
    boolean replays() {
        return blocks != null;
    }

    @Override
    public RowCursor open() {
        return blocks != null ? replay() : record();
    }

    private RowCursor replay() {
        final List<double[]> recorded = blocks;
        final long rows = recordedRows;
        return new RowCursor() {
            private long row;

            @Override
            public boolean next(final double[] into) {
                if (row == rows) {
                    return false;
                }
                copy(recorded, row++ * columns, into, false);
                return true;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    private RowCursor record() {
        final RowCursor cursor = source.open();
        return new RowCursor() {
            private List<double[]> recording = tooLarge ? null : new ArrayList<>();

            private long rows;

            @Override
            public boolean next(final double[] into) {
                if (!cursor.next(into)) {
                    if (recording != null) {
                        blocks = recording; // a complete pass: later passes replay it
                        recordedRows = rows;
                        recording = null;
                    }
                    return false;
                }
                if (recording != null) {
                    if ((rows + 1) * columns > limitValues) {
                        recording = null; // too large: every pass reads the source
                        tooLarge = true;
                    } else {
                        copy(recording, rows * columns, into, true);
                    }
                }
                rows++;
                return true;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    /** Copies one row between {@code row} and the blocks at value {@code position}, growing them if writing. */
    private void copy(final List<double[]> to, final long position, final double[] row, final boolean write) {
        int done = 0;
        while (done < columns) {
            final long at = position + done;
            final int block = (int)(at / BLOCK);
            final int offset = (int)(at % BLOCK);
            if (write && block == to.size()) {
                to.add(new double[BLOCK]);
            }
            final int n = Math.min(columns - done, BLOCK - offset);
            if (write) {
                System.arraycopy(row, done, to.get(block), offset, n);
            } else {
                System.arraycopy(to.get(block), offset, row, done, n);
            }
            done += n;
        }
    }
}
