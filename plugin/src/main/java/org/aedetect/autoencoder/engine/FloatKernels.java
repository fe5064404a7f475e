package org.aedetect.autoencoder.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise parts of {@link DenseStep}, in Java, on the arrays' native memory: bias plus
 * activation, activation derivatives, the MSE output gradient, bias gradients and Adam.
 *
 * <p>Why not ND4J's ops: on this workload most of ND4J's element-wise helpers (Adam, ReLU and sigmoid
 * derivatives, reductions along a dimension) run a scalar loop behind a per-element function object, and
 * the loss functions allocate and copy several temporaries per call; together they took about twice as
 * long as the matrix products. Here each kernel copies a chunk of a few thousand floats from native
 * memory into a small Java array (an intrinsic memory copy), computes on it in a loop the JIT
 * vectorises, and copies it back: one pass over the data, no allocation. The loops are written so that
 * HotSpot's superword pass can vectorise them: every array indexed by the same loop variable (it does
 * not vectorise {@code x[r + j] += b[j]}, which might alias), no branches (masks and {@code Math.max}
 * instead), sums over several independent accumulators.
 *
 * <p>Deterministic: the same inputs give the same bits on every run and thread setting (no parallel
 * reductions). Not thread-safe: one instance per {@link DenseStep}.
 */
final class FloatKernels {

    /** Floats per chunk: the working set of a kernel stays in the first-level cache. */
    static final int CHUNK = 2048;

    /** The activation functions the kernels know, recognised from DL4J's instances. */
    enum Kind {
        RELU, LEAKY_RELU, ELU, TANH, SIGMOID, IDENTITY;

        /** The kind of {@code activation}, or null if the kernels do not implement it exactly. */
        static Kind of(final IActivation activation) {
            if (activation instanceof ActivationReLU relu) {
                return relu.getMax() == null && relu.getThreshold() == null && relu.getNegativeSlope() == null
                    ? RELU : null;
            }
            if (activation instanceof ActivationLReLU) {
                return LEAKY_RELU;
            }
            if (activation instanceof ActivationELU) {
                return ELU;
            }
            if (activation instanceof ActivationTanH) {
                return TANH;
            }
            if (activation instanceof ActivationSigmoid) {
                return SIGMOID;
            }
            if (activation instanceof ActivationIdentity) {
                return IDENTITY;
            }
            return null;
        }

        /** The parameter of leaky ReLU and ELU, else 0. */
        static float alpha(final IActivation activation) {
            if (activation instanceof ActivationLReLU leaky) {
                return (float)leaky.getAlpha();
            }
            if (activation instanceof ActivationELU elu) {
                return (float)elu.getAlpha();
            }
            return 0f;
        }

        /** Whether the kernels compute the function itself (else ND4J's op does, after the bias). */
        boolean computedHere() {
            return this == RELU || this == LEAKY_RELU || this == SIGMOID || this == IDENTITY;
        }
    }

    private final float[] a;

    private final float[] b;

    private final float[] c;

    private final float[] d;

    /** Sigmoid: the same native memory as floats and as ints, to turn integers into float bit patterns. */
    private final FloatBuffer bitsAsFloats;

    private final IntBuffer bitsAsInts;

    private final int[] exponents;

    private static final float LOG2E = 1.44269504088896341f;

    private static final float LN2_HIGH = 0.693359375f;

    private static final float LN2_LOW = -2.12194440e-4f;

    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer kept in the low bits. */
    private static final float ROUNDING = 12582912f;

    private static final int ROUNDING_BITS = 0x4B400000;

    /** The bias repeated once per row of a chunk, so that the bias loops index like the data. */
    private final float[] tile;

    /** @param maxWidth the widest row any kernel gets (the widest layer) */
    FloatKernels(final int maxWidth) {
        final int size = Math.max(CHUNK, maxWidth);
        a = new float[size];
        b = new float[size];
        c = new float[size];
        d = new float[size];
        tile = new float[size];
        final ByteBuffer bits = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
        bitsAsFloats = bits.asFloatBuffer();
        bitsAsInts = bits.asIntBuffer();
        exponents = new int[size];
    }

    /**
     * The native memory of {@code array} (dense, float, offset included) as a buffer of its
     * {@code length} elements. The buffer does not keep the array alive: callers hold the array.
     */
    static FloatBuffer view(final INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.length() > Integer.MAX_VALUE
            || (array.length() > 1 && array.elementWiseStride() != 1)) {
            throw new IllegalStateException("Not a dense float array: " + array.shapeInfoToString());
        }
        final FloatPointer pointer = (FloatPointer)array.data().addressPointer();
        final int length = (int)array.length();
        pointer.position(0).capacity(length).limit(length);
        return pointer.asBuffer();
    }

    /**
     * Fills {@link #tile} with {@code bias} once per row of a chunk, so that the kernels add it to a whole chunk
     * in one loop.
     *
     * @return the rows per chunk
     */
    private int tileBias(final float[] bias, final int width) {
        final int step = rowsPerChunk(width);
        for (int r = 0; r < step; r++) {
            System.arraycopy(bias, 0, tile, r * width, width);
        }
        return step;
    }

    /** Rows per chunk for rows of {@code width} floats (at least one). */
    private static int rowsPerChunk(final int width) {
        return Math.max(1, CHUNK / width);
    }

    /**
     * In place on {@code rows} rows of {@code width}: x = f(x + bias) for ReLU, leaky ReLU, sigmoid and
     * identity, x = x + bias for the others (their function is applied afterwards by ND4J).
     */
    void biasActivation(final FloatBuffer x, final int rows, final int width, final float[] bias, final Kind kind,
        final float alpha) {
        final int step = tileBias(bias, width);
        for (int row = 0; row < rows; row += step) {
            final int n = Math.min(step, rows - row) * width;
            final int offset = row * width;
            x.get(offset, a, 0, n);
            activateChunk(n, kind, alpha);
            x.put(offset, a, 0, n);
        }
    }

    /**
     * {@code into[0, rows * width)} = f(x + bias) for the identity or sigmoid, {@code x} left unchanged: a
     * scoring pass's output layer, each chunk computed where it is read and written straight into the caller's
     * array (the same values as {@link #biasActivation} with the identity, then {@link #sigmoid}, then a copy,
     * without writing the chunk back to native memory and reading it twice more).
     */
    void biasActivationInto(final FloatBuffer x, final int rows, final int width, final float[] bias,
        final Kind kind, final float[] into) {
        if (kind != Kind.IDENTITY && kind != Kind.SIGMOID) {
            throw new IllegalArgumentException("Only the identity and sigmoid, not " + kind);
        }
        final int step = tileBias(bias, width);
        for (int row = 0; row < rows; row += step) {
            final int n = Math.min(step, rows - row) * width;
            final int offset = row * width;
            x.get(offset, a, 0, n);
            activateChunk(n, kind, 0f);
            System.arraycopy(a, 0, into, offset, n);
        }
    }

    /**
     * The first {@code n} values of {@link #a} = f(a + tile) for ReLU, leaky ReLU (slope {@code alpha}),
     * sigmoid and identity, a + tile for the others.
     */
    private void activateChunk(final int n, final Kind kind, final float alpha) {
        switch (kind) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = Math.max(a[i] + tile[i], 0f);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    final float v = a[i] + tile[i];
                    a[i] = Math.max(v, 0f) + alpha * Math.min(v, 0f);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[i] += tile[i];
                }
                sigmoid(a, n);
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    a[i] += tile[i];
                }
            }
        }
    }

    /** {@code out} = sigmoid({@code z}) for {@code length} elements (may be the same buffer). */
    void sigmoid(final FloatBuffer z, final FloatBuffer out, final int length) {
        for (int offset = 0; offset < length; offset += CHUNK) {
            final int n = Math.min(CHUNK, length - offset);
            z.get(offset, a, 0, n);
            sigmoid(a, n);
            out.put(offset, a, 0, n);
        }
    }

    /**
     * In place, the logistic function 1 / (1 + e^-x) of {@code x[0..n)}, to about two float ulps (relative
     * difference to the exact value below 2e-7, 1.5e-7 measured; FloatKernelsTest sweeps [-100, 100]).
     * Why not ND4J's sigmoid: it calls the C library's scalar exp per element (about 2.4 ns each here, a
     * fifth of a scoring pass of the reference network), and HotSpot vectorises neither {@code Math.exp} nor
     * the float-to-bits conversions an exp needs. So e^y is computed as 2^k e^r (k = round(y / ln 2),
     * |r| &lt;= ln 2 / 2, e^r by a degree-7 polynomial with the minimax coefficients published with Cephes'
     * expf), with 2^k made from k's bits by writing floats and reading ints (and back) through a small direct
     * buffer: three loops the JIT vectorises and four bulk copies. The argument is limited to |x| &lt;= 87,
     * where the result is 1 (x &gt;= 87) or about 1.6e-38
     * (x &lt;= -87, never a subnormal).
     */
    private void sigmoid(final float[] x, final int n) {
        for (int i = 0; i < n; i++) {
            final float y = Math.min(Math.max(-x[i], -87f), 87f);
            final float shifted = y * LOG2E + ROUNDING; // k in the low mantissa bits, k = round(y log2 e)
            final float k = shifted - ROUNDING;
            final float r = y - k * LN2_HIGH - k * LN2_LOW;
            float p = 1.9875691500e-4f;
            p = p * r + 1.3981999507e-3f;
            p = p * r + 8.3334519073e-3f;
            p = p * r + 4.1665795894e-2f;
            p = p * r + 1.6666665459e-1f;
            p = p * r + 5.0000001201e-1f;
            c[i] = p * r * r + r + 1f;
            d[i] = shifted;
        }
        bitsAsFloats.put(0, d, 0, n);
        bitsAsInts.get(0, exponents, 0, n);
        for (int i = 0; i < n; i++) {
            exponents[i] = (exponents[i] - ROUNDING_BITS + 127) << 23; // the float 2^k
        }
        bitsAsInts.put(0, exponents, 0, n);
        bitsAsFloats.get(0, d, 0, n);
        for (int i = 0; i < n; i++) {
            x[i] = 1f / (1f + c[i] * d[i]);
        }
    }

    /**
     * In place: {@code epsilon[i] *= f'(z_i)} for {@code length} elements, the derivative computed from the
     * activation's output {@code out} (as DL4J's backprop does from the pre-activation).
     */
    void derivative(final FloatBuffer epsilon, final FloatBuffer out, final int length, final Kind kind,
        final float alpha) {
        if (kind == Kind.IDENTITY) {
            return;
        }
        for (int offset = 0; offset < length; offset += CHUNK) {
            final int n = Math.min(CHUNK, length - offset);
            epsilon.get(offset, a, 0, n);
            out.get(offset, b, 0, n);
            switch (kind) {
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= positive(b[i]);
                    }
                }
                case LEAKY_RELU -> {
                    for (int i = 0; i < n; i++) {
                        final float positive = positive(b[i]);
                        a[i] *= positive + (1f - positive) * alpha;
                    }
                }
                case ELU -> {
                    // for z < 0: f(z) = alpha (e^z - 1), so f'(z) = alpha e^z = f(z) + alpha
                    for (int i = 0; i < n; i++) {
                        final float positive = positive(b[i]);
                        a[i] *= positive + (1f - positive) * (b[i] + alpha);
                    }
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= 1f - b[i] * b[i];
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        a[i] *= b[i] * (1f - b[i]);
                    }
                }
                default -> throw new IllegalStateException("No derivative for " + kind);
            }
            epsilon.put(offset, a, 0, n);
        }
    }

    /**
     * 1 for {@code y > 0} (the smallest positive float included), 0 for {@code y <= 0}, without a branch:
     * {@code y * 2^254} is at least 2^105 for every positive float, so the minimum with 1 is 1.
     */
    private static float positive(final float y) {
        return Math.min(Math.max(y, 0f) * 0x1p127f * 0x1p127f, 1f);
    }

    /**
     * DL4J's MSE loss on {@code length} outputs of rows {@code width} wide: writes
     * {@code delta = 2 (out - labels) / width} (the gradient with respect to the output, before the output
     * activation's derivative), if {@code delta} is not null, and returns the sum of squared differences.
     */
    double squaredErrorGradient(final FloatBuffer out, final FloatBuffer labels, final FloatBuffer delta,
        final int length, final int width) {
        final float scale = 2f / width;
        double sum = 0;
        for (int offset = 0; offset < length; offset += CHUNK) {
            final int n = Math.min(CHUNK, length - offset);
            out.get(offset, a, 0, n);
            labels.get(offset, b, 0, n);
            for (int i = 0; i < n; i++) {
                c[i] = a[i] - b[i];
            }
            sum += sumOfSquares(c, n);
            if (delta != null) {
                for (int i = 0; i < n; i++) {
                    c[i] *= scale;
                }
                delta.put(offset, c, 0, n);
            }
        }
        return sum;
    }

    /** The sum of squared differences of {@code length} elements. */
    double squaredError(final FloatBuffer out, final FloatBuffer labels, final int length) {
        return squaredErrorGradient(out, labels, null, length, 1);
    }

    /** The sum of the squares of {@code x[0..n)}: eight float accumulators, in a fixed order. */
    static double sumOfSquares(final float[] x, final int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s0 += x[i] * x[i];
            s1 += x[i + 1] * x[i + 1];
            s2 += x[i + 2] * x[i + 2];
            s3 += x[i + 3] * x[i + 3];
            s4 += x[i + 4] * x[i + 4];
            s5 += x[i + 5] * x[i + 5];
            s6 += x[i + 6] * x[i + 6];
            s7 += x[i + 7] * x[i + 7];
        }
        for (; i < n; i++) {
            s0 += x[i] * x[i];
        }
        return ((double)s0 + s1 + s2 + s3) + ((double)s4 + s5 + s6 + s7);
    }

    /** Column sums of {@code rows} rows of {@code width} into {@code into} (length {@code width}). */
    void columnSums(final FloatBuffer x, final int rows, final int width, final FloatBuffer into) {
        java.util.Arrays.fill(b, 0, width, 0f);
        for (int row = 0; row < rows; row++) {
            x.get(row * width, a, 0, width);
            for (int j = 0; j < width; j++) {
                b[j] += a[j];
            }
        }
        into.put(0, b, 0, width);
    }

    /**
     * One Adam step as DL4J 1.0.0-M2.1 does it (its {@code AdamUpdater} op, then the negative-gradient step),
     * on {@code length} parameters from {@code offset}: the gradient is divided by the mini-batch size first
     * (as DL4J's updater does; gradients below {@link #TINY_GRADIENT} count as 0), the moments {@code m},
     * {@code v} (DL4J's updater state) are updated in place and {@code update = m * alphaT / (sqrt(v) +
     * epsilon)} is subtracted from the parameters.
     */
    void adam(final FloatBuffer params, final FloatBuffer gradient, final int offset, final int length,
        final FloatBuffer m, final FloatBuffer v, final AdamStep step) {
        final float beta1 = step.beta1;
        final float beta2 = step.beta2;
        final float oneMinusBeta1 = 1f - beta1;
        final float oneMinusBeta2 = 1f - beta2;
        final float alphaT = step.alphaT;
        final float epsilon = step.epsilon;
        final float batch = step.batchSize;
        for (int done = 0; done < length; done += CHUNK) {
            final int n = Math.min(CHUNK, length - done);
            gradient.get(offset + done, a, 0, n);
            m.get(done, b, 0, n);
            v.get(done, c, 0, n);
            params.get(offset + done, d, 0, n);
            for (int i = 0; i < n; i++) {
                final float g0 = a[i] / batch;
                final float g = g0 * notTiny(g0, TINY_GRADIENT);
                final float mi = beta1 * b[i] + g * oneMinusBeta1;
                final float vi = beta2 * c[i] + g * g * oneMinusBeta2;
                b[i] = mi;
                c[i] = vi;
                d[i] -= (mi * alphaT) / ((float)Math.sqrt(vi) + epsilon);
            }
            m.put(done, b, 0, n);
            v.put(done, c, 0, n);
            params.put(offset + done, d, 0, n);
        }
    }

    /**
     * Gradients below this (in magnitude) count as 0 in {@link #adam}: their square, the second moment's
     * input, would be a subnormal float (below 2^-126), and arithmetic on subnormals is 10-100 times slower on
     * x86 (the JVM does not set flush-to-zero). On the reference network about a sixth of the Adam state
     * became subnormal after ~750 steps and training slowed by a fifth to a third (the 1M-row curve point).
     * A gradient of 2^-55 moves a parameter by about 1e-13 at most.
     */
    static final float TINY_GRADIENT = 0x1p-55f;

    /** Moments below this are set to 0 by {@link #flushTinyMoments}, long before they become subnormal. */
    static final float TINY_MOMENT = 0x1p-100f;

    /**
     * 1 if {@code |x| > tiny}, else 0, without a branch (so the loop stays vectorised) and without
     * subnormal arithmetic: {@code |x| - tiny} is 0 or at least 2^-23 tiny, times 2^126 at least 1.
     */
    private static float notTiny(final float x, final float tiny) {
        return Math.min(Math.max(Math.abs(x) - tiny, 0f) * 0x1p126f, 1f);
    }

    /**
     * Sets Adam moments below {@link #TINY_MOMENT} to 0. Moments of parameters whose gradient has become 0
     * decay geometrically (by beta1 = 0.9 per step for the first moment) and would turn subnormal a few hundred
     * steps later; called every {@link DenseStep} 64 steps, this catches them while they are still normal. A
     * first moment of 2^-100 moves a parameter by about 1e-30.
     */
    void flushTinyMoments(final FloatBuffer moments, final int length) {
        for (int offset = 0; offset < length; offset += CHUNK) {
            final int n = Math.min(CHUNK, length - offset);
            moments.get(offset, a, 0, n);
            for (int i = 0; i < n; i++) {
                a[i] *= notTiny(a[i], TINY_MOMENT);
            }
            moments.put(offset, a, 0, n);
        }
    }

    /** The scalars of one Adam step. */
    static final class AdamStep {
        final float beta1;

        final float beta2;

        final float epsilon;

        final float alphaT;

        final float batchSize;

        /**
         * As libnd4j computes them: {@code alphaT = lr sqrt(1 - beta2^(t+1)) / (1 - beta1^(t+1))}, falling
         * back to epsilon if that is not finite or zero; epsilon 0 becomes 1e-7.
         */
        AdamStep(final double learningRate, final double beta1, final double beta2, final double epsilon,
            final int iteration, final int batchSize) {
            this.beta1 = (float)beta1;
            this.beta2 = (float)beta2;
            final float eps = (float)epsilon == 0f ? 1e-7f : (float)epsilon;
            this.epsilon = eps;
            final float beta1T = (float)Math.pow(this.beta1, iteration + 1.0);
            final float beta2T = (float)Math.pow(this.beta2, iteration + 1.0);
            final float alpha = (float)(((float)learningRate * (float)Math.sqrt(1.0 - beta2T)) / (1.0 - beta1T));
            this.alphaT = Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0f ? eps : alpha;
            this.batchSize = batchSize;
        }
    }
}
