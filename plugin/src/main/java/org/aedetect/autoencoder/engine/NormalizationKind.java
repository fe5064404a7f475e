package org.aedetect.autoencoder.engine;

/**
 * How columns are scaled before training and scoring, fitted on the training rows only: none,
 * min-max to [0, 1], or z-score (mean 0, standard deviation 1).
 */
public enum NormalizationKind {
    NONE, MIN_MAX, Z_SCORE
}
