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

    private final double[] offsets;

    private final double[] scales;

    RowPreparer(final List<String> columns, final Normalization normalization, final MissingValuePolicy policy) {
        this.columns = columns;
        this.normalization = normalization;
        this.policy = policy;
        this.offsets = normalization.offset();
        this.scales = normalization.scale();
    }

    /**
     * Prepares {@code raw} into {@code into} from {@code offset}: missing values imputed if the policy says
     * so, normalized, clipped, as float.
     *
     * @param scratch at least as long as {@code raw}; its content is overwritten
     * @return false if the row has missing values that are not imputed (nothing is written then)
     * @throws InvalidDataException for values the network cannot take, or missing values under FAIL
     */
    boolean prepare(final double[] raw, final long rowIndex, final float[] into, final int offset,
        final double[] scratch) {
        final boolean missing = RowChecks.hasMissing(raw, rowIndex, columns, policy);
        if (missing && policy != MissingValuePolicy.IMPUTE_MEAN) {
            return false;
        }
        final int n = raw.length;
        if (missing) {
            for (int c = 0; c < n; c++) {
                scratch[c] = Double.isNaN(raw[c]) ? normalization.imputationMean(c) : raw[c];
            }
        }
        final double[] values = missing ? scratch : raw;
        // two loops rather than one, so that HotSpot vectorises the arithmetic (every array indexed alike);
        // (value - offset) / scale as Normalization.apply, limited to the network's input range
        final double max = TrainedAutoencoder.MAX_NETWORK_INPUT;
        for (int c = 0; c < n; c++) {
            scratch[c] = Math.max(-max, Math.min(max, (values[c] - offsets[c]) / scales[c]));
        }
        for (int c = 0; c < n; c++) {
            into[offset + c] = (float)scratch[c];
        }
        return true;
    }
}
