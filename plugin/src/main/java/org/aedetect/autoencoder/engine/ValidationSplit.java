package org.aedetect.autoencoder.engine;

/**
 * Decides per row whether it is held out for validation, from the seed and the row's position only, so
 * every pass over the data (and every run with the same seed) makes the same split without storing it.
 */
record ValidationSplit(long seed, double fraction) {

    /** No row is held out. */
    static final ValidationSplit NONE = new ValidationSplit(0, 0);

    boolean isValidation(final long rowIndex) {
        if (fraction <= 0) {
            return false;
        }
        // SplitMix64 finaliser: a well-mixed 64-bit hash of seed and row, turned into a uniform [0, 1)
        long z = seed * 0x9E3779B97F4A7C15L + rowIndex + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < fraction;
    }
}
