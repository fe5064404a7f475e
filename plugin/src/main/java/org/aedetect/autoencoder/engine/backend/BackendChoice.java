package org.aedetect.autoencoder.engine.backend;

import java.util.Locale;

/**
 * Which ND4J backend the user asked for. {@link #AUTO} uses an NVIDIA GPU when the optional GPU
 * feature is installed and the GPU is supported, and the CPU otherwise (with a warning saying why);
 * {@link #CUDA} insists on the GPU and fails with a clear message when it cannot be used.
 */
public enum BackendChoice {
    AUTO, CPU, CUDA;

    /** Parses a user-facing value ("auto", "CPU", "cuda"), case-insensitively. */
    public static BackendChoice parse(final String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "Unknown backend '" + value + "'. Use one of: Auto, CPU, CUDA.", e);
        }
    }
}
