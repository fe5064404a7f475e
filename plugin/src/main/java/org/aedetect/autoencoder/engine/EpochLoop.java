package org.aedetect.autoencoder.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The training loop: epochs of shuffled mini-batches fed to {@code MultiLayerNetwork.fit(DataSet)} on
 * the calling thread (no prefetch thread), a cancel check before every mini-batch, validation after
 * every epoch, and early stopping that restores the weights of the best epoch.
 */
final class EpochLoop {

    /** Mixed into the seed so that noise and shuffling do not draw the same random numbers. */
    private static final long NOISE_SALT = 0x5DEECE66DL;

    private final AutoencoderSpec spec;

    private final MultiLayerNetwork network;

    private final TrainingRows rows;

    private final TrainingListener listener;

    private final List<EpochEvent> history = new ArrayList<>();

    private int bestEpoch;

    /** The specialised step where it supports the network, else null (DL4J's generic fit). */
    private DenseStep step;

    /** Reused for the noisy copy of each mini-batch. */
    private float[] noisyBatch;

    EpochLoop(final AutoencoderSpec spec, final MultiLayerNetwork network, final TrainingRows rows,
        final TrainingListener listener) {
        this.spec = spec;
        this.network = network;
        this.rows = rows;
        this.listener = listener;
    }

    /**
     * Trains until the last epoch or early stopping.
     *
     * @throws TrainingCanceledException if the listener cancels
     * @throws TrainingFailedException if the loss becomes NaN or infinite
     */
    void run() {
        final boolean validate = rows.count(RowPart.VALIDATION) > 0;
        final SplittableRandom noise = new SplittableRandom(spec.seed() ^ NOISE_SALT);
        final float[] batch = new float[spec.batchSize() * rows.columns()];
        step = DenseStep.forNetwork(network);
        noisyBatch = spec.noiseStdDev() > 0 ? new float[batch.length] : null;
        try {
            train(batch, noise, validate);
        } finally {
            // the step's batch buffers (activations and their gradients, in native memory) are not needed after
            // training: free them now rather than when the collector finds them
            if (step != null) {
                step.releaseBuffers();
            }
        }
    }

    private void train(final float[] batch, final SplittableRandom noise, final boolean validate) {
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        int epochsWithoutImprovement = 0;
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            final long start = System.nanoTime();
            final double trainingLoss = trainOneEpoch(epoch, batch, noise);
            final double validationLoss = validate ? validationLoss(batch) : Double.NaN;
            final EpochEvent event = new EpochEvent(epoch, spec.epochs(), trainingLoss, validationLoss,
                (System.nanoTime() - start) / 1e9);
            history.add(event);
            listener.onEpoch(event);
            final double monitored = validate ? validationLoss : trainingLoss;
            if (monitored < bestLoss) {
                bestLoss = monitored;
                bestEpoch = epoch;
                epochsWithoutImprovement = 0;
                if (spec.earlyStoppingPatience() > 0) {
                    bestParams = network.params().dup();
                }
            } else if (spec.earlyStoppingPatience() > 0
                && ++epochsWithoutImprovement >= spec.earlyStoppingPatience()) {
                break;
            }
        }
        if (bestParams != null) {
            network.setParams(bestParams);
        } else {
            bestEpoch = history.size();
        }
    }

    private double trainOneEpoch(final int epoch, final float[] batch, final SplittableRandom noise) {
        final int columns = rows.columns();
        final long perEpoch = rows.count(RowPart.TRAINING);
        double lossSum = 0;
        long seen = 0;
        try (BatchReader reader = rows.open(RowPart.TRAINING, spec.batchSize(), spec.seed() * 31 + epoch)) {
            int n;
            while (checkCanceled() && (n = reader.next(batch)) > 0) {
                final float[] input = spec.noiseStdDev() > 0 ? noisy(batch, n * columns, noise) : batch;
                final double loss = fit(input, batch, n, columns);
                if (!Double.isFinite(loss)) {
                    throw new TrainingFailedException("Training failed in epoch " + epoch + ": the loss became "
                        + loss + ". Lower the learning rate, or use Min-max or Z-score normalization if columns have "
                        + "large values.");
                }
                lossSum += loss * n;
                seen += n;
                listener.onMiniBatch(epoch, seen, perEpoch);
            }
        }
        checkCanceled();
        return lossSum / seen;
    }

    /** One iteration on the first {@code n} rows; returns the mini-batch loss (DL4J's score). */
    private double fit(final float[] input, final float[] clean, final int n, final int columns) {
        if (step != null) {
            return step.fit(input, clean, n);
        }
        final INDArray labels = Reconstructor.matrix(clean, n, columns);
        final INDArray features = input == clean ? labels : Reconstructor.matrix(input, n, columns);
        return DenseStep.exclusively(() -> {
            network.fit(new DataSet(features, labels));
            return network.score();
        });
    }

    private float[] noisy(final float[] batch, final int length, final SplittableRandom noise) {
        for (int i = 0; i < length; i++) {
            noisyBatch[i] = (float)(batch[i] + spec.noiseStdDev() * noise.nextGaussian());
        }
        return noisyBatch;
    }

    private double validationLoss(final float[] batch) {
        final int columns = rows.columns();
        double sum = 0;
        long seen = 0;
        try (BatchReader reader = rows.open(RowPart.VALIDATION, spec.batchSize(), null)) {
            int n;
            while (checkCanceled() && (n = reader.next(batch)) > 0) {
                if (step != null) {
                    sum += step.lossSum(batch, n);
                } else {
                    final INDArray x = Reconstructor.matrix(batch, n, columns);
                    sum += DenseStep.exclusively(
                        () -> network.scoreExamples(new DataSet(x, x), false).sumNumber().doubleValue());
                }
                seen += n;
            }
        }
        return sum / seen;
    }

    /** Always true, so it can guard the batch loop; throws once the listener cancels. */
    private boolean checkCanceled() {
        TrainingListener.checkCanceled(listener);
        return true;
    }

    List<EpochEvent> history() {
        return history;
    }

    /** The epoch whose weights the network holds after {@link #run()}. */
    int bestEpoch() {
        return bestEpoch;
    }
}
