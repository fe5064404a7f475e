package org.aedetect.autoencoder.engine;

import java.util.List;

/**
 * Turns one raw input row into network input: checks it ({@link RowChecks}), imputes missing values
 * with the training mean when the policy says so, and normalizes into 32-bit floats. Normalization is
 * computed in double precision before the cast, so large raw values keep their relative precision. The
 * normalized value is clipped to &plusmn;{@link TrainedAutoencoder#MAX_NETWORK_INPUT}: a value far outside
 * the training range of a (near-)constant column would otherwise become an infinite float, or overflow
 * the network's 32-bit arithmetic into NaN.
 */
final class RowPreparer {

    private final List<String> columns;

    private final Normalization normalization;

    private final MissingValuePolicy policy;

    RowPreparer(final List<String> columns, final Normalization normalization, final MissingValuePolicy policy) {
        this.columns = columns;
        this.normalization = normalization;
        this.policy = policy;
    }

    /** {@code normalized} limited to the network's input range (see TrainedAutoencoder#MAX_NETWORK_INPUT). */
    static double clip(final double normalized) {
        return Math.max(-TrainedAutoencoder.MAX_NETWORK_INPUT, Math.min(TrainedAutoencoder.MAX_NETWORK_INPUT,
            normalized));
    }

    /**
     * Prepares {@code raw} into {@code into} from {@code offset}.
     *
     * @return false if the row has missing values that are not imputed (nothing is written then)
     * @throws InvalidDataException for values the network cannot take, or missing values under FAIL
     */
    boolean prepare(final double[] raw, final long rowIndex, final float[] into, final int offset) {
        if (RowChecks.hasMissing(raw, rowIndex, columns, policy) && policy != MissingValuePolicy.IMPUTE_MEAN) {
            return false;
        }
        for (int c = 0; c < raw.length; c++) {
            final double value = Double.isNaN(raw[c]) ? normalization.imputationMean(c) : raw[c];
            into[offset + c] = (float)clip(normalization.apply(c, value));
        }
        return true;
    }
}
