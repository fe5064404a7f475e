package org.aedetect.autoencoder.engine;

/**
 * What to do with a row that has a missing value (NaN): fail with a message naming the row and
 * column, skip the row (with a warning saying how many), or replace the value with the training mean
 * of its column.
 */
public enum MissingValuePolicy {
    FAIL, SKIP_ROW, IMPUTE_MEAN
}
