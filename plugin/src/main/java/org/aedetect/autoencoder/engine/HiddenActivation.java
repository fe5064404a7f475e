package org.aedetect.autoencoder.engine;

/**
 * Activation function of the hidden (encoder and decoder) layers. ReLU is the usual choice; Leaky
 * ReLU and ELU avoid units that stop learning, Tanh and Sigmoid suit small networks on scaled data.
 */
public enum HiddenActivation {
    RELU, LEAKY_RELU, ELU, TANH, SIGMOID
}
