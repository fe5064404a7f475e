package org.aedetect.autoencoder.engine;

/** Which rows of the training data a pass reads: those trained on, or those held out for validation. */
enum RowPart {
    TRAINING, VALIDATION
}
