package org.aedetect.autoencoder.engine;

/**
 * Follows training and may cancel it. {@link #onEpoch} is called on the training thread after every
 * epoch, in order; {@link #isCanceled} is asked between mini-batches, so a cancel takes effect within
 * one mini-batch and makes the trainer throw {@link TrainingCanceledException}.
 */
public interface TrainingListener {

    /** A listener that neither reports nor cancels. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Called after each completed epoch. */
    default void onEpoch(final EpochEvent event) {
    }

    /** True once training should stop. */
    default boolean isCanceled() {
        return false;
    }
}
