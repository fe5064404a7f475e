/**
 * The autoencoder anomaly-detection engine, a plain Java API without any KNIME type. Its contract is
 * PyOD's: an {@link org.aedetect.autoencoder.engine.AutoencoderSpec} says what to build, the
 * {@link org.aedetect.autoencoder.engine.AutoencoderTrainer} fits it to rows from a
 * {@link org.aedetect.autoencoder.engine.RowSource}, the resulting
 * {@link org.aedetect.autoencoder.engine.TrainedAutoencoder} scores rows by reconstruction error (higher
 * = more abnormal) and saves itself, and a {@link org.aedetect.autoencoder.engine.ThresholdRule} turns
 * scores into anomaly decisions. DL4J and ND4J types stay inside this package; every entry point
 * initialises ND4J through {@link org.aedetect.autoencoder.engine.backend.Nd4jRuntime} first.
 */
package org.aedetect.autoencoder.engine;
