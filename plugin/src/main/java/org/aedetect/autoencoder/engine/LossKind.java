package org.aedetect.autoencoder.engine;

/**
 * What training minimises: mean squared error, mean absolute error, or binary cross-entropy. Binary
 * cross-entropy is only defined for data within [0, 1] after normalization and needs a sigmoid output.
 */
public enum LossKind {
    MSE, MAE, BINARY_CROSS_ENTROPY
}
