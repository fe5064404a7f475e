package org.aedetect.autoencoder.node.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Scorer's batch size: the engine's call size where the batch's rows fit the memory bound. */
class BatchScorerTest {

    @Test
    void narrowTablesGetTheEnginesCallSize() {
        assertEquals(4096, BatchScorer.batchRows(4096, 100, 100, false));
        assertEquals(4096, BatchScorer.batchRows(4096, 100, 100, true));
        assertEquals(16384, BatchScorer.batchRows(16384, 10, 10, false));
    }

    @Test
    void wideTablesGetFewerRowsWithinSixtyFourMegabytes() {
        // 784 cells of 32 bytes and 64 for the row: 25,152 bytes a row
        assertEquals(2668, BatchScorer.batchRows(4096, 784, 784, false));
        // and 6,288 more for the row's per-column errors
        assertEquals(2134, BatchScorer.batchRows(4096, 784, 784, true));
        // a 64-thread machine's call of a 100-column table: 3,264 bytes a row
        assertEquals(20560, BatchScorer.batchRows(65536, 100, 100, false));
        // other columns of the table count too: whole rows are held
        assertEquals(2668, BatchScorer.batchRows(4096, 784, 10, false));
    }

    @Test
    void neverFewerThanTheEarlierFixedBatch() {
        assertEquals(1024, BatchScorer.batchRows(4096, 5000, 5000, true));
        assertEquals(1024, BatchScorer.batchRows(65536, 100_000, 3, false));
    }
}
