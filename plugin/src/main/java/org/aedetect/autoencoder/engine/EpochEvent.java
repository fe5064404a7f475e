package org.aedetect.autoencoder.engine;

/**
 * What happened in one training epoch. The training loss is the mean of the mini-batch losses that
 * DL4J optimised during the epoch (including the L2 penalty, dropout and input noise); the validation
 * loss is the plain loss of the network on the validation rows after the epoch.
 *
 * @param epoch 1-based epoch number
 * @param totalEpochs the number of epochs asked for (training may stop earlier)
 * @param trainingLoss mean mini-batch loss of this epoch
 * @param validationLoss loss on the validation rows, NaN if there are none
 * @param seconds wall-clock time of this epoch, validation included
 */
public record EpochEvent(int epoch, int totalEpochs, double trainingLoss, double validationLoss,
    double seconds) {
}
