package org.aedetect.autoencoder.engine;

/** The gradient update rule: Adam (robust default), RMSProp, or SGD with Nesterov momentum 0.9. */
public enum OptimizerKind {
    ADAM, RMSPROP, SGD_NESTEROV
}
