package org.aedetect.autoencoder.engine;

import java.util.Arrays;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs prepared rows through a network in inference mode (no dropout) and returns the reconstruction
 * as a flat row-major float array of the same shape.
 */
final class Reconstructor {

    private Reconstructor() {
    }

    /** Reconstructs the first {@code rows} rows of {@code input}. */
    static float[] reconstruct(final MultiLayerNetwork network, final float[] input, final int rows,
        final int columns) {
        final INDArray output = network.output(matrix(input, rows, columns), false);
        final INDArray plain = output.dataType() == DataType.FLOAT && output.ordering() == 'c' && !output.isView()
            && output.data().length() == (long)rows * columns ? output : output.castTo(DataType.FLOAT).dup('c');
        return plain.data().asFloat();
    }

    /** A rows x columns float matrix holding the first rows of {@code flat} (copied off-heap). */
    static INDArray matrix(final float[] flat, final int rows, final int columns) {
        final int length = rows * columns;
        final float[] data = length == flat.length ? flat : Arrays.copyOf(flat, length);
        return Nd4j.create(data, new long[] {rows, columns}, DataType.FLOAT);
    }
}
