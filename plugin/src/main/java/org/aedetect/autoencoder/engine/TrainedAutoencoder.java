package org.aedetect.autoencoder.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

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
     * Fewest rows {@link #scoreCallRows} suggests per call. Each call hands its parts to the scoring threads (about
     * 0.1 ms) and sets up its results. Measured here (2 cores, plugin/bench/results/call-sizes.txt): calls of 4,096
     * rows scored a 100-column network at medians of 3.46-3.66M rows/s against 3.12-3.25M in calls of 1,024, the
     * reference network at 167-170k against 156-167k, faster in each of three rounds for both.
     */
    static final int MIN_CALL_ROWS = 4096;

    /**
     * Largest call {@link #scoreCallRows} suggests: a full batch of {@link #SCORE_BATCH} rows for each of 64
     * threads (as many parts as are kept from call to call).
     */
    static final int MAX_CALL_ROWS = 64 * SCORE_BATCH;

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

    TrainedAutoencoder(final List<String> columnNames, final AutoencoderSpec spec, final Normalization normalization,
        final MultiLayerNetwork network, final TrainingRecord record) {
        this.columnNames = List.copyOf(columnNames);
        this.spec = spec;
        this.normalization = normalization;
        this.network = network;
        this.record = record;
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
     * Scores raw rows (values in the order of {@link #columnNames()}; NaN = missing); see
     * {@link #score(int, RowValues, ErrorMetric, boolean)}.
     *
     * @param rows the rows to score
     * @param metric how per-column differences become a row score
     * @param perColumn whether to return per-column errors as well
     * @throws InvalidDataException if a row has an infinite or too large value
     * @throws IllegalArgumentException if a row has the wrong number of values
     */
    public ScoreResult score(final double[][] rows, final ErrorMetric metric, final boolean perColumn) {
        return score(rows.length, (row, scratch) -> rows[row], metric, perColumn);
    }

    /**
     * Scores {@code rowCount} raw rows whose values {@code rows} gives by index.
     *
     * <p>Normalized inputs beyond &plusmn;{@link #MAX_NETWORK_INPUT} are clipped. A score is NaN only for a
     * row with a missing value that the model does not impute ({@link ScoreResult#missingRows()}) or, not
     * expected in practice, one on which the network overflowed ({@link ScoreResult#unscorableRows()}).
     *
     * <p>On the CPU, a call with enough work (for the 100-column network of the node benchmark, 264 rows or
     * more; for a 30-column model, not even 1,024) splits its rows into as many consecutive parts as OpenBLAS
     * has threads and scores the parts at once, each on its own thread with single-threaded matrix products: a
     * scoring batch does about as much work in Java as in its matrix products, and this keeps every core busy
     * throughout. So {@code rows} is called from several threads at once (each row once). Results are the same
     * on every run for the same rows, call size and thread setting; a row scored in a call of another size may
     * differ in the last bits (float rounding).
     *
     * @param rowCount the number of rows
     * @param rows the rows' values
     * @param metric how per-column differences become a row score
     * @param perColumn whether to return per-column errors as well
     * @throws InvalidDataException if a row has an infinite or too large value (the first such row)
     * @throws IllegalArgumentException if a row has the wrong number of values
     */
    public ScoreResult score(final int rowCount, final RowValues rows, final ErrorMetric metric,
        final boolean perColumn) {
        Nd4jRuntime.ensureInitialized();
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(metric, "metric");
        if (rowCount < 0) {
            throw new IllegalArgumentException("Negative row count " + rowCount);
        }
        final Scores scores = new Scores(rowCount, perColumn, metric);
        final ScoringPart first = takePart();
        final int parts = first.reconstructor.partsFor(rowCount);
        final ScoringPart[] taken = new ScoringPart[parts];
        taken[0] = first;
        boolean split = parts > 1;
        try {
            for (int p = 1; p < parts; p++) {
                taken[p] = takePart();
                // every part must work in parallel (a reconstructor through DL4J's own output would wait for the
                // lock its own section holds); they all should, unless the trainer property changed meanwhile
                split &= taken[p].reconstructor.worksInParallel();
            }
            if (!split) {
                first.score(rows, 0, rowCount, scores);
            } else {
                final int largestPart = (int)Math.min(SCORE_BATCH, ((long)rowCount + parts - 1) / parts);
                for (final ScoringPart part : taken) {
                    part.reserve(largestPart);
                }
                Reconstructor.inParallel(parts, p -> taken[p].score(rows, (int)((long)rowCount * p / parts),
                    (int)((long)rowCount * (p + 1) / parts), scores));
            }
            return new ScoreResult(scores.rowErrors, scores.columnErrors, scores.missing.get(), metric,
                scores.unscorable.get(), scores.rowMse, record.trainingErrors());
        } finally {
            for (final ScoringPart part : taken) {
                if (part == null) {
                    continue;
                }
                if (!spareParts.offer(part)) {
                    part.reconstructor.release(); // MAX_SPARE_PARTS kept already
                }
            }
        }
    }

    /** Parts kept for the next scoring call: one per thread of the largest machine we expect to split for. */
    private static final int MAX_SPARE_PARTS = MAX_CALL_ROWS / SCORE_BATCH;

    /**
     * How many rows a caller that scores batch after batch (the Scorer node) should hand to each call of {@link
     * #score(int, RowValues, ErrorMetric, boolean)}: {@link #MIN_CALL_ROWS}, or where the machine has more than four
     * scoring threads, a full batch of {@link #SCORE_BATCH} rows for each (at most {@link #MAX_CALL_ROWS}). Smaller
     * calls pay the hand-over to the threads more often, and split into parts too small for the matrix products:
     * on one thread here, parts of 64 rows scored the reference network 20% slower than parts of 256 or more, which
     * a 1,024-row call would give a 16-thread workstation. Scores are the same for the same call size and thread
     * setting, so a machine with a given setting scores a table the same way every time.
     */
    public static int scoreCallRows() {
        Nd4jRuntime.ensureInitialized();
        return scoreCallRows(Reconstructor.scoringThreads());
    }

    /** {@link #scoreCallRows()} for {@code scoringThreads} threads. */
    static int scoreCallRows(final int scoringThreads) {
        return (int)Math.max(MIN_CALL_ROWS, Math.min(MAX_CALL_ROWS, (long)scoringThreads * SCORE_BATCH));
    }

    /** Kept so that callers who score batch after batch (the Scorer node) do not allocate per batch. */
    private final BlockingQueue<ScoringPart> spareParts = new ArrayBlockingQueue<>(MAX_SPARE_PARTS);

    /**
     * Frees the buffers that scoring keeps from call to call (per thread: the batch's rows as floats and the
     * reconstruction, and in native memory the network's input and activations; about 18 MB for the 784-column
     * reference network, well under 1 MB for a few dozen columns). The next call allocates them again. The Scorer
     * node calls this when it has scored its table, so that models kept in a workflow hold no scoring memory.
     */
    public void releaseScoringBuffers() {
        ScoringPart part;
        while ((part = spareParts.poll()) != null) {
            part.reconstructor.release();
        }
    }

    private ScoringPart takePart() {
        final ScoringPart spare = spareParts.poll();
        return spare != null ? spare : new ScoringPart();
    }

    /** The results of one scoring call, written by its parts (each its own rows). */
    private static final class Scores {
        final double[] rowErrors;

        /** Per row its MSE, for the percentiles among the training errors: {@link #rowErrors} for MSE itself. */
        final double[] rowMse;

        final double[][] columnErrors;

        final ErrorMetric metric;

        /** Rows with missing values not imputed, and rows on which the network overflowed. */
        final AtomicInteger missing = new AtomicInteger();

        final AtomicInteger unscorable = new AtomicInteger();

        Scores(final int rows, final boolean perColumn, final ErrorMetric metric) {
            rowErrors = new double[rows];
            rowMse = metric == ErrorMetric.MSE ? rowErrors : new double[rows];
            columnErrors = perColumn ? new double[rows][] : null;
            this.metric = metric;
        }
    }

    /**
     * What one thread needs to score rows: its own reconstructor (with its own native buffers) and arrays. Kept
     * from call to call: callers score batch after batch of about {@link #SCORE_BATCH} rows, and new
     * multi-megabyte arrays per batch cost about a fifth of the scoring time (zeroing, and page faults of the
     * humongous regions G1 gives them).
     */
    private final class ScoringPart {
        final Reconstructor reconstructor = Reconstructor.of(network);

        final int columns = columnNames.size();

        final double[] values = new double[columns];

        final double[] scratch = new double[columns];

        final ReconstructionErrors measure = new ReconstructionErrors(columns);

        int[] prepared = new int[0];

        float[] input = new float[0];

        float[] output = new float[0];

        /**
         * Makes room for batches of {@code rows} rows, here and in the reconstructor; on the calling thread of a
         * section, before it (the reconstructor takes the native-call lock).
         */
        void reserve(final int rows) {
            growArrays(rows);
            reconstructor.reserve(rows);
        }

        /** Makes room for batches of {@code rows} rows in this part's arrays (all three or none). */
        private void growArrays(final int rows) {
            if (prepared.length < rows) {
                final int[] newPrepared = new int[rows];
                final float[] newInput = new float[rows * columns];
                final float[] newOutput = new float[newInput.length];
                prepared = newPrepared;
                input = newInput;
                output = newOutput;
            }
        }

        /** Scores rows {@code from} to {@code to} (exclusive) into {@code into}, in batches. */
        void score(final RowValues rows, final int from, final int to, final Scores into) {
            final ErrorMetric metric = into.metric;
            // counted here and added once: the counters are shared by all parts
            int missing = 0;
            int unscorable = 0;
            for (int start = from; start < to; start += SCORE_BATCH) {
                final int end = Math.min(to, start + SCORE_BATCH);
                // one-part calls are not reserved: the arrays grow here, the reconstructor's buffers when it
                // reconstructs
                growArrays(end - start);
                int count = 0;
                for (int r = start; r < end; r++) {
                    final double[] raw = rows.values(r, values);
                    if (raw.length != columns) {
                        throw new IllegalArgumentException("Row " + (r + 1) + " has " + raw.length + " values, but "
                            + "the model expects " + columns + " (" + String.join(", ", columnNames) + ").");
                    }
                    if (scoringPreparer.prepare(raw, r, input, count * columns, scratch)) {
                        prepared[count++] = r;
                    } else {
                        missing++;
                        into.rowErrors[r] = Double.NaN;
                        into.rowMse[r] = Double.NaN;
                        if (into.columnErrors != null) {
                            into.columnErrors[r] = new double[columns];
                            Arrays.fill(into.columnErrors[r], Double.NaN);
                        }
                    }
                }
                if (count > 0) {
                    reconstructor.reconstruct(input, count, columns, output);
                    unscorable += errors(count, metric, into);
                }
            }
            into.missing.addAndGet(missing);
            into.unscorable.addAndGet(unscorable);
        }

        /** @return how many of the rows the network overflowed on */
        private int errors(final int count, final ErrorMetric metric, final Scores into) {
            int unscorable = 0;
            for (int i = 0; i < count; i++) {
                final int r = prepared[i];
                final double error = measure.rowError(metric, input, output, i * columns);
                if (into.columnErrors != null) {
                    into.columnErrors[r] = new double[columns];
                    ReconstructionErrors.columnErrors(metric, input, output, i * columns, into.columnErrors[r]);
                }
                if (!Double.isFinite(error)) {
                    // overflow inside the network: say so (counted) rather than hand out NaN or infinity
                    unscorable++;
                    into.rowErrors[r] = Double.NaN;
                    into.rowMse[r] = Double.NaN;
                    if (into.columnErrors != null) {
                        Arrays.fill(into.columnErrors[r], Double.NaN);
                    }
                    continue;
                }
                into.rowErrors[r] = error;
                if (metric != ErrorMetric.MSE) {
                    // the training errors are MSE: the row's percentile comes from its MSE of this reconstruction
                    into.rowMse[r] = measure.rowError(ErrorMetric.MSE, input, output, i * columns);
                }
            }
            return unscorable;
        }
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
