package org.aedetect.autoencoder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;

/** The kernels' own claims; their agreement with DL4J is DenseStepTest's job. */
class FloatKernelsTest {

    private static FloatBuffer buffer(final int length) {
        return ByteBuffer.allocateDirect(length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Test
    void sigmoidIsWithinTwoTenMillionthsOfTheExactValueOrWithin1e13OfTinyOnes() {
        final int n = 2_000_001;
        final FloatBuffer z = buffer(n);
        for (int i = 0; i < n; i++) {
            z.put(i, -100f + i * 1e-4f);
        }
        final FloatBuffer out = buffer(n);
        new FloatKernels(1).sigmoid(z, out, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            final double exact = 1 / (1 + Math.exp(-(double)z.get(i)));
            final double actual = out.get(i);
            if (exact > 1e-12) {
                worst = Math.max(worst, Math.abs(actual - exact) / exact);
            } else {
                assertTrue(Math.abs(actual - exact) <= 1e-13, "at " + z.get(i) + ": " + actual); // below: 0 or tiny
            }
        }
        assertTrue(worst < 2e-7, "worst relative difference " + worst);
        assertEquals(0.5f, out.get(1_000_000));
        assertEquals(1f, out.get(n - 1));
    }

    @Test
    void theScoringOutputLayerGivesBiasActivationThenSigmoidBitForBit() {
        // rows wider than a chunk and a short last chunk; 5 rows of 3000 and 700 rows of 7
        for (final int[] shape : new int[][] {{5, 3000}, {700, 7}}) {
            final int rows = shape[0];
            final int width = shape[1];
            final java.util.SplittableRandom random = new java.util.SplittableRandom(width);
            final float[] bias = new float[width];
            for (int c = 0; c < width; c++) {
                bias[c] = (float)random.nextGaussian();
            }
            final FloatBuffer x = buffer(rows * width);
            for (int i = 0; i < rows * width; i++) {
                x.put(i, (float)(4 * random.nextGaussian()));
            }
            final FloatKernels kernels = new FloatKernels(width);
            for (final FloatKernels.Kind kind : new FloatKernels.Kind[] {FloatKernels.Kind.IDENTITY,
                FloatKernels.Kind.SIGMOID}) {
                final FloatBuffer expected = buffer(rows * width);
                expected.put(0, x, 0, rows * width);
                kernels.biasActivation(expected, rows, width, bias, FloatKernels.Kind.IDENTITY, 0f);
                if (kind == FloatKernels.Kind.SIGMOID) {
                    kernels.sigmoid(expected, expected, rows * width);
                }
                final float[] into = new float[rows * width];
                final float[] before = new float[rows * width];
                x.get(0, before);
                kernels.biasActivationInto(x, rows, width, bias, kind, into);
                for (int i = 0; i < into.length; i++) {
                    assertEquals(Float.floatToIntBits(expected.get(i)), Float.floatToIntBits(into[i]), kind + " " + i);
                    assertEquals(before[i], x.get(i), "the input is left alone");
                }
            }
            final float[] into = new float[rows * width];
            assertThrows(IllegalArgumentException.class,
                () -> kernels.biasActivationInto(x, rows, width, bias, FloatKernels.Kind.RELU, into));
        }
    }

    @Test
    void sumOfSquaresCoversTheTailAndAllAccumulators() {
        final float[] x = new float[19];
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = i - 7.5f;
            expected += (double)x[i] * x[i];
        }
        for (int n = 0; n <= x.length; n++) {
            double prefix = 0;
            for (int i = 0; i < n; i++) {
                prefix += (double)x[i] * x[i];
            }
            assertEquals(prefix, FloatKernels.sumOfSquares(x, n), 1e-9, "n = " + n);
        }
        assertEquals(expected, FloatKernels.sumOfSquares(x, x.length), 1e-9);
    }

    /** Subnormal floats make x86 arithmetic 10-100 times slower; Adam's state must never hold them. */
    @Test
    void adamNeverWritesSubnormalMomentsAndTheFlushKeepsEverythingElse() {
        final int n = 5000;
        final FloatBuffer params = buffer(n);
        final FloatBuffer gradient = buffer(n);
        final FloatBuffer m = buffer(n);
        final FloatBuffer v = buffer(n);
        for (int i = 0; i < n; i++) {
            params.put(i, 0.5f);
            // from ordinary gradients down to ones whose square (and first-moment share) would be subnormal
            gradient.put(i, (float)Math.pow(10, -(i % 50)));
        }
        final FloatKernels kernels = new FloatKernels(1);
        for (int step = 0; step < 3; step++) {
            kernels.adam(params, gradient, 0, n, m, v, new FloatKernels.AdamStep(1e-3, 0.9, 0.999, 1e-8, step, 1));
        }
        for (int i = 0; i < n; i++) {
            assertTrue(!isSubnormal(m.get(i)) && !isSubnormal(v.get(i)), "subnormal moment at gradient "
                + gradient.get(i));
            if (Math.abs(gradient.get(i)) >= 1e-10f) {
                assertTrue(m.get(i) != 0 && v.get(i) != 0, "moment of gradient " + gradient.get(i) + " lost");
            }
        }
        final FloatBuffer moments = buffer(4);
        moments.put(0, FloatKernels.TINY_MOMENT / 2).put(1, Math.nextUp(FloatKernels.TINY_MOMENT)).put(2, -1e-3f)
            .put(3, Float.MIN_VALUE);
        kernels.flushTinyMoments(moments, 4);
        assertEquals(0f, moments.get(0));
        assertEquals(Math.nextUp(FloatKernels.TINY_MOMENT), moments.get(1));
        assertEquals(-1e-3f, moments.get(2));
        assertEquals(0f, moments.get(3));
    }

    private static boolean isSubnormal(final float x) {
        return x != 0 && Math.abs(x) < Float.MIN_NORMAL;
    }
}
