package org.aedetect.autoencoder.engine.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the matrix products alone allow when scoring the reference network (784-512-128-32-128-512-784): the six
 * products of a 1,024-row batch, in the shapes and layout the engine's scoring calls them (row-major, weights
 * transposed), on ND4J's OpenBLAS with the kernels the engine chose, one OpenBLAS thread per chain; timed on one
 * thread and on as many threads at once as the engine scores with (one part per OpenBLAS thread). The second
 * figure is the bound the engine's scoring approaches if reading, checking and normalizing rows, activations,
 * copies and errors cost nothing; plugin/bench/run-side-by-side.sh divides both systems' scoring by it, a
 * yardstick that does not move with PyTorch's two speeds. Also timed: one chain with all OpenBLAS threads
 * splitting each product, the way PyTorch's reference scoring (torch_reference.py: one torch thread, 1,024-row
 * chunks) spends its two OpenBLAS threads, so the bound of that structure on the same library. A program that
 * prints one JSON line, not a test.
 * Arguments: [chains timed per thread] (default 40) [label].
 */
public final class ProductsBound {

    private static final int[] WIDTHS = {784, 512, 128, 32, 128, 512, 784};

    /** Rows per product, the engine's scoring batch. */
    private static final int ROWS = 1024;

    private ProductsBound() {
    }

    public static void main(final String[] args) throws Exception {
        final int chains = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        final String label = args.length > 1 ? args[1]
            : "matrix products of scoring alone, " + ROWS + "-row batches, one OpenBLAS thread per chain";
        Nd4jRuntime.ensureInitialized();
        final String setting = Nd4jRuntime.threadSetting();
        final int threads = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(1);
        final double one;
        final double shared;
        final List<Double> atOnce = new ArrayList<>();
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final FloatPointer[] weights = weights(new SplittableRandom(1));
            one = pool.submit(() -> new Chain(weights, 2).rowsPerSecond(chains)).get();
            final List<Callable<Double>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final Chain chain = new Chain(weights, 3 + t);
                parts.add(() -> chain.rowsPerSecond(chains));
            }
            for (final Future<Double> f : pool.invokeAll(parts)) {
                atOnce.add(f.get());
            }
            Nd4j.factory().blas().setMaxThreads(threads);
            shared = pool.submit(() -> new Chain(weights, 3 + threads).rowsPerSecond(chains)).get();
        } finally {
            pool.shutdown();
            Nd4j.factory().blas().setMaxThreads(threads);
        }
        final double all = atOnce.stream().mapToDouble(Double::doubleValue).sum();
        long macs = 0;
        for (int l = 0; l + 1 < WIDTHS.length; l++) {
            macs += (long)WIDTHS[l] * WIDTHS[l + 1];
        }
        System.out.println(String.format(Locale.ROOT, "{\"system\":\"products\",\"label\":\"%s\",\"batchRows\":%d,"
            + "\"threads\":\"%s\",\"chainsTimedPerThread\":%d,\"oneThreadRowsPerSec\":%d,\"threadsAtOnce\":%d,"
            + "\"atOnceRowsPerSec\":%s,\"boundRowsPerSec\":%d,\"oneThreadGflops\":%.0f,\"boundGflops\":%.0f,"
            + "\"oneChainAllThreadsRowsPerSec\":%d,\"loadAverage\":%.2f,\"date\":\"%s\"}",
            label.replace("\"", "'"), ROWS, setting, chains, Math.round(one), threads,
            atOnce.stream().map(v -> Long.toString(Math.round(v))).toList(), Math.round(all),
            one * 2.0 * macs / 1e9, all * 2.0 * macs / 1e9, Math.round(shared),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Instant.now()));
    }

    /**
     * The network's weights, off-heap, shared by all chains as the engine's scoring threads share one network; small
     * like a trained network's: no overflow, no subnormal products.
     */
    private static FloatPointer[] weights(final SplittableRandom random) {
        final FloatPointer[] weights = new FloatPointer[WIDTHS.length - 1];
        for (int l = 0; l + 1 < WIDTHS.length; l++) {
            weights[l] = filled((long)WIDTHS[l] * WIDTHS[l + 1], random, 0.05f);
        }
        return weights;
    }

    private static FloatPointer filled(final long length, final SplittableRandom random, final float scale) {
        final float[] values = new float[(int)length];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * (float)random.nextDouble();
        }
        return new FloatPointer(values);
    }

    /** One thread's activations of a batch, off-heap as the engine keeps them, and the shared weights. */
    private static final class Chain {

        private final FloatPointer[] activations = new FloatPointer[WIDTHS.length];

        private final FloatPointer[] weights;

        Chain(final FloatPointer[] weights, final long seed) {
            this.weights = weights;
            final SplittableRandom random = new SplittableRandom(seed);
            for (int l = 0; l < WIDTHS.length; l++) {
                activations[l] = filled((long)ROWS * WIDTHS[l], random, 1f);
            }
        }

        /** Best of five timings of {@code chains} chains after a warm-up, in rows per second. */
        double rowsPerSecond(final int chains) {
            run(Math.max(1, chains / 4));
            double best = Double.MAX_VALUE;
            for (int r = 0; r < 5; r++) {
                final long start = System.nanoTime();
                run(chains);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            return (double)ROWS * chains / best;
        }

        private void run(final int chains) {
            for (int c = 0; c < chains; c++) {
                for (int l = 0; l + 1 < WIDTHS.length; l++) {
                    // a = in . W^T, W row-major nOut x nIn: the engine's forward product
                    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                        openblas_nolapack.CblasTrans, ROWS, WIDTHS[l + 1], WIDTHS[l], 1f, activations[l], WIDTHS[l],
                        weights[l], WIDTHS[l], 0f, activations[l + 1], WIDTHS[l + 1]);
                }
            }
        }
    }
}
