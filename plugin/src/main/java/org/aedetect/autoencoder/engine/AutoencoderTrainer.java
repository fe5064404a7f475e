package org.aedetect.autoencoder.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains an autoencoder on rows from a {@link RowSource}: fits the normalization on a first pass,
 * then trains epoch by epoch on mini-batches, caching the prepared rows in memory when they fit the
 * byte budget (otherwise re-reading the source every epoch), and finally records the reconstruction
 * errors of the training rows. Same data, spec and seed on the CPU with the same number of threads give
 * the same model and scores.
 */
public final class AutoencoderTrainer {

    /** Default memory budget for caching the prepared rows: 256 MB. */
    public static final long DEFAULT_CACHE_BUDGET_BYTES = 256L * 1024 * 1024;

    private final long cacheBudgetBytes;

    /** A trainer with the {@link #DEFAULT_CACHE_BUDGET_BYTES default} cache budget. */
    public AutoencoderTrainer() {
        this(DEFAULT_CACHE_BUDGET_BYTES);
    }

    /**
     * @param cacheBudgetBytes rows x columns x 4 bytes up to which the prepared rows are kept in memory;
     *            0 always streams from the source
     */
    public AutoencoderTrainer(final long cacheBudgetBytes) {
        if (cacheBudgetBytes < 0) {
            throw new IllegalArgumentException("The cache budget cannot be negative: " + cacheBudgetBytes);
        }
        this.cacheBudgetBytes = cacheBudgetBytes;
    }

    /**
     * Trains a model.
     *
     * @param spec what to build and how to train
     * @param data the training rows (NaN = missing), read several times
     * @param listener receives epoch events and may cancel; null for none
     * @throws InvalidSpecException if the settings are unusable, also in combination with the data
     * @throws InvalidDataException if the data cannot be trained on; the message names column and row
     * @throws TrainingCanceledException if the listener canceled; no model is produced
     * @throws TrainingFailedException if the loss became NaN or infinite
     * @throws InsufficientMemoryException if the network does not fit into the memory the process may use
     *             (checked before training; an {@link OutOfMemoryError} during training becomes this too)
     */
    public TrainedAutoencoder train(final AutoencoderSpec spec, final RowSource data, final TrainingListener listener) {
        final BackendInfo backend = Nd4jRuntime.ensureInitialized();
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(data, "data");
        spec.requireValid();
        final TrainingListener events = listener == null ? TrainingListener.NONE : listener;
        try {
            return train(spec, data, events, backend);
        } catch (OutOfMemoryError e) {
            // thrown by JavaCPP when ND4J's off-heap allocations pass the limit, or by the heap; the memory
            // held by this attempt is unreachable now, so the process can go on
            throw new InsufficientMemoryException(MemoryBudget.outOfMemoryMessage("to train this network"), e);
        }
    }

    private TrainedAutoencoder train(final AutoencoderSpec spec, final RowSource data, final TrainingListener events,
        final BackendInfo backend) {
        final int columns = data.columnNames().size();
        if (columns > 0) {
            // before reading any row: a network that cannot fit should not wait for a long first pass
            MemoryBudget.requireFits(columns, spec.resolveHiddenLayers(columns), spec.batchSize());
        }
        final TrainingData prepared = TrainingData.prepare(spec, data, cacheBudgetBytes, events);
        final List<String> warnings = new ArrayList<>(prepared.warnings());
        final AutoencoderSpec resolved = resolve(spec, columns, prepared, warnings);
        try {
            final MultiLayerNetwork network = AutoencoderNetwork.create(resolved, columns,
                resolved.outputActivation() == OutputActivation.SIGMOID);
            final EpochLoop loop = new EpochLoop(resolved, network, prepared.rows(), events);
            loop.run();
            final ErrorDistribution trainingErrors =
                ErrorDistribution.of(trainingErrors(network, prepared.rows(), events));
            final TrainingRecord record = new TrainingRecord(trainingErrors, loop.history(), loop.bestEpoch(), backend,
                warnings, prepared.trainingRows(), prepared.validationRows(), prepared.skippedRows());
            return new TrainedAutoencoder(data.columnNames(), resolved, prepared.normalization(), network, record);
        } finally {
            // KNIME runs nodes on pooled threads; ND4J keeps workspaces per thread until told otherwise
            // (without ND4J's destroy-all, which forces a full garbage collection of the whole JVM)
            TrainedAutoencoder.releaseThreadMemory();
        }
    }

    /** The spec with automatic layer sizes and output activation decided for this data. */
    private static AutoencoderSpec resolve(final AutoencoderSpec spec, final int columns, final TrainingData data,
        final List<String> warnings) {
        final boolean unitRange = data.withinUnitRange();
        if (spec.loss() == LossKind.BINARY_CROSS_ENTROPY && !unitRange) {
            throw new InvalidSpecException(List.of("Binary cross-entropy loss needs data between 0 and 1, but the "
                + "training data after " + spec.normalization() + " normalization goes beyond that. Choose Min-max "
                + "normalization or the MSE loss."));
        }
        final OutputActivation output = switch (spec.outputActivation()) {
            case AUTO -> unitRange ? OutputActivation.SIGMOID : OutputActivation.LINEAR;
            case SIGMOID -> {
                if (!unitRange) {
                    warnings.add("The sigmoid output can only produce values between 0 and 1, but the normalized "
                        + "training data goes beyond that; those values cannot be reconstructed. Consider the "
                        + "Linear or Auto output activation.");
                }
                yield OutputActivation.SIGMOID;
            }
            case LINEAR -> OutputActivation.LINEAR;
        };
        return spec.toBuilder().hiddenLayers(spec.resolveHiddenLayers(columns)).outputActivation(output).build();
    }

    /**
     * The MSE of every training row under the trained network, in the rows' stored order. Like scoring, on
     * the CPU this reconstructs one batch per OpenBLAS thread at once, each on its own thread with
     * single-threaded matrix products (see {@link TrainedAutoencoder#score(int, RowValues, ErrorMetric,
     * boolean)}).
     */
    private static double[] trainingErrors(final MultiLayerNetwork network, final TrainingRows rows,
        final TrainingListener events) {
        final int columns = rows.columns();
        final double[] errors = new double[Math.toIntExact(rows.count(RowPart.TRAINING))];
        final Reconstructor first = Reconstructor.of(network);
        final int parts = first.partsForBatches(TrainedAutoencoder.SCORE_BATCH,
            (errors.length + TrainedAutoencoder.SCORE_BATCH - 1L) / TrainedAutoencoder.SCORE_BATCH);
        final Reconstructor[] reconstructors = new Reconstructor[parts];
        final float[][] batches = new float[parts][];
        final float[][] outputs = new float[parts][];
        final ReconstructionErrors[] measures = new ReconstructionErrors[parts];
        for (int p = 0; p < parts; p++) {
            measures[p] = new ReconstructionErrors(columns);
            reconstructors[p] = p == 0 ? first : Reconstructor.of(network);
            batches[p] = new float[TrainedAutoencoder.SCORE_BATCH * columns];
            outputs[p] = new float[batches[p].length];
        }
        final int[] counts = new int[parts];
        final int[] offsets = new int[parts];
        try (BatchReader reader = rows.open(RowPart.TRAINING, TrainedAutoencoder.SCORE_BATCH, null)) {
            if (parts > 1) {
                for (final Reconstructor reconstructor : reconstructors) {
                    reconstructor.reserve(TrainedAutoencoder.SCORE_BATCH);
                }
            }
            int next = 0;
            boolean exhausted = false;
            while (!exhausted) {
                int filled = 0;
                while (filled < parts) {
                    counts[filled] = reader.next(batches[filled]);
                    if (counts[filled] == 0) {
                        exhausted = true; // the reader is not asked again after its end
                        break;
                    }
                    offsets[filled] = next;
                    next += counts[filled];
                    filled++;
                }
                if (filled == 0) {
                    break;
                }
                TrainingListener.checkCanceled(events);
                final IntConsumer part = p -> {
                    reconstructors[p].reconstruct(batches[p], counts[p], columns, outputs[p]);
                    for (int i = 0; i < counts[p]; i++) {
                        errors[offsets[p] + i] =
                            measures[p].rowError(ErrorMetric.MSE, batches[p], outputs[p], i * columns);
                    }
                };
                if (filled == 1) {
                    part.accept(0);
                } else {
                    Reconstructor.inParallel(filled, part);
                }
            }
        } finally {
            for (final Reconstructor reconstructor : reconstructors) {
                reconstructor.release();
            }
        }
        return errors;
    }
}
