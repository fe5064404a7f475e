package org.aedetect.autoencoder.engine;

/**
 * Follows training and may cancel it. On the training thread, {@link #onEpoch} is called after every
 * epoch, in order, and {@link #onMiniBatch} after every mini-batch; {@link #isCanceled} is asked
 * before every mini-batch, so a cancel takes effect within one mini-batch and makes the trainer throw
 * {@link TrainingCanceledException}.
 */
public interface TrainingListener {

    /** A listener that neither reports nor cancels. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Called after each mini-batch, for progress within long epochs.
     *
     * @param epoch 1-based epoch number
     * @param rowsDone training rows fed so far in this epoch
     * @param rowsPerEpoch training rows per epoch
     */
    default void onMiniBatch(final int epoch, final long rowsDone, final long rowsPerEpoch) {
    }

    /** Called after each completed epoch. */
    default void onEpoch(final EpochEvent event) {
    }

    /** True once training should stop. */
    default boolean isCanceled() {
        return false;
    }

    /**
     * Throws {@link TrainingCanceledException} if {@code listener} canceled; the engine calls it between
     * mini-batches and, in passes without mini-batches (normalization fitting, validation, training
     * errors), every batch-size rows.
     */
    static void checkCanceled(final TrainingListener listener) {
        if (listener.isCanceled()) {
            throw new TrainingCanceledException("Training was canceled.");
        }
    }
}
