package org.aedetect.autoencoder.engine;

/**
 * Activation of the reconstruction layer. {@link #AUTO} picks {@link #SIGMOID} when the training data
 * after normalization lies within [0, 1] (Min-max normalization, or raw data already in [0, 1]) and
 * {@link #LINEAR} otherwise, because a sigmoid cannot reconstruct values outside [0, 1].
 */
public enum OutputActivation {
    AUTO, LINEAR, SIGMOID
}
