package org.aedetect.autoencoder.engine;

/**
 * The prepared training and validation rows, readable once per epoch in mini-batches; either streamed
 * from the {@link RowSource} on every pass or cached in memory.
 */
interface TrainingRows {

    int columns();

    long count(RowPart part);

    /**
     * Starts a pass over one part.
     *
     * @param shuffleSeed seed of the row order, or null for the input order
     */
    BatchReader open(RowPart part, int batchSize, Long shuffleSeed);
}
