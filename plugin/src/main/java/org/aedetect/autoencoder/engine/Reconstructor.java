package org.aedetect.autoencoder.engine;

import java.util.function.IntConsumer;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs prepared rows through a network in inference mode (no dropout) and returns the reconstruction
 * as a flat row-major float array of the same shape: through {@link DenseStep} where it supports the
 * network, else through DL4J's {@code output}. Thread-safe as long as nobody trains the network
 * meanwhile.
 */
final class Reconstructor {

    private final MultiLayerNetwork network;

    private final DenseStep step;

    /**
     * Least work per thread for which reconstructing splits between threads: about a millisecond of one core's
     * work (see {@link #workPerRow}), against about 0.1 ms measured here to hand a part to a waiting thread. A
     * model of a few dozen columns is scored faster by one thread than by parts of a 1,024-row batch.
     */
    static final long MIN_WORK_PER_PART = 1L << 21;

    private final long workPerRow;

    private Reconstructor(final MultiLayerNetwork network) {
        this.network = network;
        this.step = DenseStep.forInference(network);
        // the network's multiply-adds per row, plus about eight for each input value's Java work (checks,
        // normalization, output activation, error)
        this.workPerRow = network.numParams() + 8L * network.layerInputSize(0);
    }

    static Reconstructor of(final MultiLayerNetwork network) {
        return new Reconstructor(network);
    }

    /**
     * Whether several reconstructors of the same network may work at once inside {@link #inParallel}: only
     * through {@link DenseStep} and with activations it computes itself.
     */
    boolean worksInParallel() {
        return step != null && step.reconstructsInParallel();
    }

    /**
     * Into how many parts (threads, each with its own reconstructor) to split the work on {@code rows} rows: as
     * many as OpenBLAS has threads, fewer where a part would get less than {@link #MIN_WORK_PER_PART}, and 1 if
     * this reconstructor does not {@link #worksInParallel}.
     */
    int partsFor(final long rows) {
        if (!worksInParallel()) {
            return 1;
        }
        return (int)Math.max(1, Math.min(Math.min(scoringThreads(), rows), rows * workPerRow / MIN_WORK_PER_PART));
    }

    /**
     * Into how many parts to split work that comes as {@code batches} batches of up to {@code batchRows} rows,
     * a whole batch per part: as many as OpenBLAS has threads, no more than there are batches, and 1 where a
     * batch is not worth a part of its own ({@link #MIN_WORK_PER_PART}) or this reconstructor does not
     * {@link #worksInParallel}.
     */
    int partsForBatches(final int batchRows, final long batches) {
        if (!worksInParallel() || (long)batchRows * workPerRow < MIN_WORK_PER_PART) {
            return 1;
        }
        return (int)Math.max(1, Math.min(scoringThreads(), batches));
    }

    /** How many threads scoring splits into at most: one per OpenBLAS thread of the engine's setting. */
    static int scoringThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    /** Allocates what reconstructing up to {@code rows} rows needs, now and on the calling thread. */
    void reserve(final int rows) {
        if (step != null) {
            step.reserve(rows);
        }
    }

    /** Frees what {@link #reserve} and reconstructing allocated; for a reconstructor nobody uses now. */
    void release() {
        if (step != null) {
            step.releaseBuffers();
        }
    }

    /**
     * Runs {@code part} for 0, ..., {@code parts - 1} at once, each part through its own reconstructor that
     * {@link #worksInParallel()}; see {@link DenseStep#inParallel}.
     */
    static void inParallel(final int parts, final IntConsumer part) {
        DenseStep.inParallel(parts, part);
    }

    /**
     * Reconstructs the first {@code rows} rows of {@code input} into {@code into} (at least rows x columns
     * long, reused across chunks so that scoring does not produce garbage per chunk).
     *
     * @return {@code into}
     */
    float[] reconstruct(final float[] input, final int rows, final int columns, final float[] into) {
        if (step != null) {
            return step.reconstruct(input, rows, into);
        }
        final INDArray output = DenseStep.exclusively(() -> network.output(matrix(input, rows, columns), false));
        final INDArray plain = output.dataType() == DataType.FLOAT && output.ordering() == 'c' && !output.isView()
            && output.data().length() == (long)rows * columns ? output : output.castTo(DataType.FLOAT).dup('c');
        new FloatPointer(plain.data().addressPointer()).get(into, 0, rows * columns);
        return into;
    }

    /**
     * A rows x columns float matrix holding the first rows of {@code flat}, copied off-heap in one bulk
     * copy (ND4J's {@code create(float[])} copies element by element).
     */
    static INDArray matrix(final float[] flat, final int rows, final int columns) {
        final INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, rows, columns);
        ((FloatPointer)matrix.data().addressPointer()).put(flat, 0, rows * columns);
        return matrix;
    }
}
