package org.aedetect.autoencoder.engine;

import java.util.Locale;

import org.bytedeco.javacpp.Pointer;

/**
 * Estimates what a network needs for training and compares it with what the process may allocate: ND4J
 * keeps arrays off the Java heap, within JavaCPP's limit {@value #MAX_BYTES_PROPERTY} (by default the
 * Java heap size, -Xmx), and the model file is written through the heap. Refusing up front with a
 * message beats an {@link OutOfMemoryError} in the middle of native code.
 */
final class MemoryBudget {

    /** JavaCPP's system property for the off-heap limit; read once when JavaCPP starts. */
    static final String MAX_BYTES_PROPERTY = "org.bytedeco.javacpp.maxbytes";

    /**
     * Copies of the parameters alive during training: weights, gradients, up to two optimizer states
     * (Adam), the best epoch's weights for early stopping, and the updater's flattened view.
     */
    private static final int PARAMETER_COPIES = 6;

    private MemoryBudget() {
    }

    /** Weights and biases of the dense autoencoder: columns -> encoder -> mirrored decoder -> columns. */
    static long parameterCount(final int columns, final int[] encoder) {
        long params = 0;
        long previous = columns;
        for (int i = 0; i < 2 * encoder.length - 1; i++) {
            final long size = i < encoder.length ? encoder[i] : encoder[2 * encoder.length - 2 - i];
            params += previous * size + size;
            previous = size;
        }
        return params + previous * columns + columns;
    }

    /** Bytes training needs: parameter copies plus the activations of one mini-batch (float32). */
    static long trainingBytes(final int columns, final int[] encoder, final int batchSize) {
        long widths = 2L * columns;
        for (final int size : encoder) {
            widths += 2L * size;
        }
        final long activations = 4L * batchSize * widths; // forward, backward, dropout mask, epsilon
        return Float.BYTES * (PARAMETER_COPIES * parameterCount(columns, encoder) + activations);
    }

    /** Off-heap bytes ND4J may still allocate: JavaCPP's limit (or the heap size if none) minus what is in use. */
    static long availableBytes() {
        final long max = Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Runtime.getRuntime().maxMemory();
        long available = max - Pointer.totalBytes();
        if (Pointer.maxPhysicalBytes() > 0) {
            available = Math.min(available, Pointer.maxPhysicalBytes() - Pointer.physicalBytes());
        }
        return Math.max(0, available);
    }

    /**
     * @throws InsufficientMemoryException if training {@code columns} columns with {@code encoder} layers
     *             needs more than {@link #availableBytes()}
     */
    static void requireFits(final int columns, final int[] encoder, final int batchSize) {
        final long needed = trainingBytes(columns, encoder, batchSize);
        final long available = availableBytes();
        if (needed > available) {
            throw new InsufficientMemoryException(String.format(Locale.ROOT, "The network (%d input columns, "
                + "encoder layers %s) has %,d weights and needs about %s for training, but only %s of memory "
                + "are available to the deep learning library. Use fewer or smaller hidden layers, or give KNIME "
                + "more memory: raise -Xmx in knime.ini (JavaCPP's off-heap limit %s follows it unless set) and "
                + "restart.", columns, java.util.Arrays.toString(encoder), parameterCount(columns, encoder),
                size(needed), size(available), MAX_BYTES_PROPERTY));
        }
    }

    /** The message for an {@link OutOfMemoryError} that happened anyway. */
    static String outOfMemoryMessage(final String during) {
        return "Not enough memory " + during + " (" + size(availableBytes()) + " left to the deep learning "
            + "library). Use fewer or smaller hidden layers or a smaller batch size, or give KNIME more memory: raise "
            + "-Xmx in knime.ini (JavaCPP's off-heap limit " + MAX_BYTES_PROPERTY + " follows it unless set) and "
            + "restart.";
    }

    static String size(final long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double)(1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double)(1L << 20));
    }
}
