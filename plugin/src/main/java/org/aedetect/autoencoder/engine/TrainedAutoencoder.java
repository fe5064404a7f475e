package org.aedetect.autoencoder.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained autoencoder: scores rows by how badly it reconstructs them, and remembers everything
 * needed to explain and reuse it (columns, resolved spec, normalization, training errors, history,
 * backend). Scoring is thread-safe (inference only reads the network). {@link #save} and
 * {@link #load} write and read a versioned model file (see {@link ModelFile}).
 */
public final class TrainedAutoencoder {

    /** Rows per network call when scoring; bounds scoring memory independently of the batch size. */
    static final int SCORE_BATCH = 1024;

    /**
     * Largest magnitude of a normalized network input; larger ones are clipped to it. A row that far
     * (1e20 training ranges or standard deviations) from the training data is an anomaly whatever its
     * exact score, and inputs of this size keep the 32-bit network arithmetic finite.
     */
    public static final double MAX_NETWORK_INPUT = 1e20;

    private final List<String> columnNames;

    private final AutoencoderSpec spec;

    private final Normalization normalization;

    private final MultiLayerNetwork network;

    private final TrainingRecord record;

    private final RowPreparer scoringPreparer;

    private final Reconstructor reconstructor;

    TrainedAutoencoder(final List<String> columnNames, final AutoencoderSpec spec, final Normalization normalization,
        final MultiLayerNetwork network, final TrainingRecord record) {
        this.columnNames = List.copyOf(columnNames);
        this.spec = spec;
        this.normalization = normalization;
        this.network = network;
        this.record = record;
        this.reconstructor = Reconstructor.of(network);
        // when scoring, a row with an unimputed missing value gets a NaN score instead of failing
        this.scoringPreparer = new RowPreparer(this.columnNames, normalization,
            spec.missingValuePolicy() == MissingValuePolicy.IMPUTE_MEAN ? MissingValuePolicy.IMPUTE_MEAN
                : MissingValuePolicy.SKIP_ROW);
    }

    /** The input columns, in the order scoring expects the values. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The spec as trained: hidden layers and output activation resolved (never automatic). */
    public AutoencoderSpec spec() {
        return spec;
    }

    public Normalization normalizer() {
        return normalization;
    }

    /** The per-row MSE reconstruction errors of the training rows (validation rows excluded). */
    public ErrorDistribution trainingErrors() {
        return record.trainingErrors();
    }

    /** One event per completed epoch, in order. */
    public List<EpochEvent> history() {
        return record.history();
    }

    /** The backend the model was trained on. */
    public BackendInfo backend() {
        return record.backend();
    }

    /** Things the user should know about the training data or run (skipped rows, tiny data, ...). */
    public List<String> warnings() {
        return record.warnings();
    }

    /**
     * The epoch whose weights the model has: the best epoch by the monitored loss when early stopping
     * is on, the last epoch otherwise.
     */
    public int bestEpoch() {
        return record.bestEpoch();
    }

    public long trainingRowCount() {
        return record.trainingRows();
    }

    public long validationRowCount() {
        return record.validationRows();
    }

    /** Rows left out of training because of missing values. */
    public long skippedRowCount() {
        return record.skippedRows();
    }

    /** Number of weights and biases of the network. */
    public long parameterCount() {
        return network.numParams();
    }

    TrainingRecord record() {
        return record;
    }

    MultiLayerNetwork network() {
        return network;
    }

    /**
     * Scores raw rows (values in the order of {@link #columnNames()}; NaN = missing).
     *
     * Normalized inputs beyond &plusmn;{@link #MAX_NETWORK_INPUT} are clipped. A score is NaN only for a
     * row with a missing value that the model does not impute ({@link ScoreResult#missingRows()}) or, not
     * expected in practice, one on which the network overflowed ({@link ScoreResult#unscorableRows()}).
     *
     * @param rows the rows to score
     * @param metric how per-column differences become a row score
     * @param perColumn whether to return per-column errors as well
     * @throws InvalidDataException if a row has an infinite or too large value
     * @throws IllegalArgumentException if a row has the wrong number of values
     */
    public ScoreResult score(final double[][] rows, final ErrorMetric metric, final boolean perColumn) {
        Nd4jRuntime.ensureInitialized();
        Objects.requireNonNull(metric, "metric");
        final int columns = columnNames.size();
        final double[] rowErrors = new double[rows.length];
        final double[] percentiles = new double[rows.length];
        final double[][] columnErrors = perColumn ? new double[rows.length][] : null;
        final float[] input = new float[Math.min(rows.length, SCORE_BATCH) * columns];
        final int[] prepared = new int[SCORE_BATCH];
        final float[] output = new float[input.length];
        final double[] scratch = new double[columns];
        int missing = 0;
        int unscorable = 0;
        for (int start = 0; start < rows.length; start += SCORE_BATCH) {
            final int end = Math.min(rows.length, start + SCORE_BATCH);
            int count = 0;
            for (int r = start; r < end; r++) {
                if (rows[r].length != columns) {
                    throw new IllegalArgumentException("Row " + (r + 1) + " has " + rows[r].length
                        + " values, but the model expects " + columns + " (" + String.join(", ", columnNames) + ").");
                }
                if (scoringPreparer.prepare(rows[r], r, input, count * columns, scratch)) {
                    prepared[count++] = r;
                } else {
                    missing++;
                    rowErrors[r] = Double.NaN;
                    percentiles[r] = Double.NaN;
                    if (perColumn) {
                        columnErrors[r] = new double[columns];
                        Arrays.fill(columnErrors[r], Double.NaN);
                    }
                }
            }
            if (count == 0) {
                continue;
            }
            reconstructor.reconstruct(input, count, columns, output);
            for (int i = 0; i < count; i++) {
                final int r = prepared[i];
                rowErrors[r] = ReconstructionErrors.rowError(metric, input, output, i * columns, columns);
                if (perColumn) {
                    columnErrors[r] = new double[columns];
                    ReconstructionErrors.columnErrors(metric, input, output, i * columns, columnErrors[r]);
                }
                // the training errors are MSE: place the row by its MSE from this same reconstruction
                final double mse = metric == ErrorMetric.MSE ? rowErrors[r]
                    : ReconstructionErrors.rowError(ErrorMetric.MSE, input, output, i * columns, columns);
                percentiles[r] = Double.isFinite(mse) ? record.trainingErrors().percentileOf(mse) : Double.NaN;
                if (!Double.isFinite(rowErrors[r])) {
                    // overflow inside the network: say so (counted) rather than hand out NaN or infinity
                    unscorable++;
                    rowErrors[r] = Double.NaN;
                    percentiles[r] = Double.NaN;
                    if (perColumn) {
                        Arrays.fill(columnErrors[r], Double.NaN);
                    }
                }
            }
        }
        return new ScoreResult(rowErrors, columnErrors, missing, metric, unscorable, percentiles);
    }

    /** The score of one row; NaN if it has a missing value that the model does not impute. */
    public double score(final double[] row, final ErrorMetric metric) {
        return score(new double[][] {row}, metric, false).rowErrors()[0];
    }

    /**
     * Releases ND4J workspace memory held by the calling thread; call after a scoring loop on a pooled
     * thread (KNIME reuses its threads, and ND4J keeps workspaces per thread). Destroys the workspaces one by
     * one rather than through ND4J's destroyAllWorkspacesForCurrentThread, which also calls System.gc(): a full
     * stop-the-world collection of the whole JVM (in KNIME, of every node running) on each call, whose length
     * grows with the heap. Workspace memory is off-heap and freed on destroy; it needs no collection.
     */
    public static void releaseThreadMemory() {
        Nd4jRuntime.ensureInitialized();
        final MemoryWorkspaceManager manager = Nd4j.getWorkspaceManager();
        for (final MemoryWorkspace workspace : manager.getAllWorkspacesForCurrentThread()) {
            manager.destroyWorkspace(workspace);
        }
    }

    /** Writes the model file; does not close {@code out}. */
    public void save(final OutputStream out) throws IOException {
        ModelFile.write(this, out);
    }

    /**
     * Reads a model file written by {@link #save}, up to the end of {@code in}; does not close it.
     *
     * @throws ModelFormatException if the file is empty, truncated, corrupt, or of a newer format
     */
    public static TrainedAutoencoder load(final InputStream in) throws IOException {
        Nd4jRuntime.ensureInitialized();
        return ModelFile.read(in);
    }
}
