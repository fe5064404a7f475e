package org.aedetect.autoencoder.engine;

import java.util.Arrays;

/**
 * How raw column values become network inputs, fitted on the training rows: {@code (value - offset) /
 * scale} per column, plus the training mean of each column used to impute missing values. Min-max uses
 * offset = minimum and scale = maximum - minimum, z-score uses the mean and the population standard
 * deviation; a constant column (zero spread) gets scale 1, so it maps to 0 (min-max, z-score) instead
 * of NaN.
 */
public final class Normalization {

    private final NormalizationKind kind;

    private final double[] offset;

    private final double[] scale;

    private final double[] imputationMeans;

    /**
     * @param kind the method
     * @param offset per column, subtracted first
     * @param scale per column, divided by second; must be positive
     * @param imputationMeans per column, the raw training mean (used for missing values when imputing)
     */
    public Normalization(final NormalizationKind kind, final double[] offset, final double[] scale,
        final double[] imputationMeans) {
        if (offset.length != scale.length || offset.length != imputationMeans.length) {
            throw new IllegalArgumentException("offset, scale and means need one value per column");
        }
        for (final double s : scale) {
            if (!(s > 0 && Double.isFinite(s))) {
                throw new IllegalArgumentException("every scale must be positive and finite, but one is " + s);
            }
        }
        this.kind = kind;
        this.offset = offset.clone();
        this.scale = scale.clone();
        this.imputationMeans = imputationMeans.clone();
    }

    public NormalizationKind kind() {
        return kind;
    }

    public int columnCount() {
        return offset.length;
    }

    public double[] offset() {
        return offset.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    /** The raw training mean per column (NaN where a column had no values). */
    public double[] imputationMeans() {
        return imputationMeans.clone();
    }

    /** The network input for raw {@code value} of {@code column}. */
    public double apply(final int column, final double value) {
        return (value - offset[column]) / scale[column];
    }

    double imputationMean(final int column) {
        return imputationMeans[column];
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Normalization n && kind == n.kind && Arrays.equals(offset, n.offset)
            && Arrays.equals(scale, n.scale) && Arrays.equals(imputationMeans, n.imputationMeans);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * kind.hashCode() + Arrays.hashCode(offset)) + Arrays.hashCode(scale))
            + Arrays.hashCode(imputationMeans);
    }
}
