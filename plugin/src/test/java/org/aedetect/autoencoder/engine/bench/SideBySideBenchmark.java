package org.aedetect.autoencoder.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.EpochEvent;
import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.HiddenActivation;
import org.aedetect.autoencoder.engine.LossKind;
import org.aedetect.autoencoder.engine.NormalizationKind;
import org.aedetect.autoencoder.engine.OptimizerKind;
import org.aedetect.autoencoder.engine.OutputActivation;
import org.aedetect.autoencoder.engine.RowCursor;
import org.aedetect.autoencoder.engine.RowSource;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.engine.TrainingListener;
import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.bytedeco.javacpp.Pointer;

/**
 * The engine half of plugin/bench/run-side-by-side.sh: prints one JSON line per measurement. A program,
 * not a test; figures depend on the machine and its load. Modes:
 * <ul>
 * <li>{@code reference ROWS EPOCHS SCORED DATAFILE [LABEL]}: the reference network of
 * docs/performance.md on {@link GeneratedImages}; writes the training rows as raw float32 to DATAFILE
 * so that the PyTorch reference trains on exactly the same data;</li>
 * <li>{@code curve ROWS...}: one epoch and one scoring pass of the reference network per row count, on
 * a cheap streaming source ({@link PooledRows}) so that the generator does not dominate;</li>
 * <li>{@code memory ROWS COLUMNS}: training and scoring on ROWS x COLUMNS streamed rows (run it under a
 * small -Xmx), with peak heap, RSS and JavaCPP off-heap bytes after each phase.</li>
 * </ul>
 * Memory figures per phase: peak heap (pool peaks reset at the start of the phase, after a GC), live
 * heap after a GC at the end of the phase, current
 * and peak RSS from /proc/self/status, JavaCPP's totalBytes and physicalBytes, and the bytes libnd4j
 * reports for its host allocations.
 */
public final class SideBySideBenchmark {

    private static final int SCORE_CHUNK = 4096;

    /** Timed scoring passes over the reference rows (torch_reference.py's {@code --score-passes} default). */
    private static final int SCORE_PASSES = 5;

    private SideBySideBenchmark() {
    }

    public static void main(final String[] args) throws IOException {
        final BackendInfo backend = Nd4jRuntime.ensureInitialized();
        switch (args[0]) {
            case "reference" -> reference(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Path.of(args[4]), args.length > 5 ? args[5] : "engine", backend);
            case "curve" -> {
                curvePoint(2_000, backend, false); // JIT and allocator warm-up, not printed
                for (int i = 1; i < args.length; i++) {
                    curvePoint(Integer.parseInt(args[i]), backend, true);
                }
            }
            case "memory" -> memory(Integer.parseInt(args[1]), Integer.parseInt(args[2]), backend);
            default -> throw new IllegalArgumentException("mode: reference, curve or memory");
        }
    }

    /** The reference network of docs/performance.md (all benchmarks and the GPU check train this one). */
    static AutoencoderSpec referenceSpec(final int epochs) {
        return AutoencoderSpec.builder().hiddenLayers(512, 128, 32).hiddenActivation(HiddenActivation.RELU)
            .outputActivation(OutputActivation.SIGMOID).loss(LossKind.MSE).optimizer(OptimizerKind.ADAM)
            .learningRate(1e-3).batchSize(256).epochs(epochs).validationFraction(0).earlyStoppingPatience(0)
            .normalization(NormalizationKind.NONE).seed(1).build();
    }

    private static void reference(final int rows, final int epochs, final int scored, final Path dataFile,
        final String label, final BackendInfo backend) throws IOException {
        final GeneratedImages source = new GeneratedImages(rows, 7);
        // the same rows on every call (seed 7): written once per script run (the script deletes the file at its
        // start), not again between the timed runs of later calls
        if (!Files.isRegularFile(dataFile)
            || Files.size(dataFile) != (long)rows * GeneratedImages.COLUMNS * Float.BYTES) {
            writeFloat32(source, dataFile);
        }
        final Map<String, Object> out = header("reference", label, backend);
        // warm-up, untimed, as torch_reference.py does: one epoch on 2,048 rows with a throw-away model, so
        // that the timed epochs measure compiled code in both systems
        new AutoencoderTrainer().train(referenceSpec(1), new GeneratedImages(2_048, 7), null);
        resetPeakHeap();
        final List<EpochEvent> events = new ArrayList<>();
        final long start = System.nanoTime();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(referenceSpec(epochs), source,
            new TrainingListener() {
                @Override
                public void onEpoch(final EpochEvent event) {
                    events.add(event);
                }
            });
        final double wall = (System.nanoTime() - start) / 1e9;
        final double epochSeconds = events.stream().mapToDouble(EpochEvent::seconds).sum();
        out.put("rows", rows);
        out.put("epochs", events.size());
        out.put("parameters", model.parameterCount());
        out.put("trainSamplesPerSec", Math.round(rows * (double)events.size() / epochSeconds));
        out.put("trainSamplesPerSecLastEpoch", Math.round(rows / events.get(events.size() - 1).seconds()));
        out.put("trainWallSeconds", round(wall));
        out.put("trainingLossPerEpoch", events.stream().map(e -> String.format(Locale.ROOT, "%.6f",
            e.trainingLoss())).collect(Collectors.joining(", ", "[", "]")));
        memoryFigures(out, "train");
        // scoring: the same rows as training (PyTorch scores its first rows too), chunks generated untimed
        resetPeakHeap();
        score(model, new GeneratedImages(Math.min(SCORE_CHUNK, scored), 7)); // warm-up
        final double[] timed = score(model, new GeneratedImages(scored, 7));
        out.put("scoredRows", scored);
        out.put("scoreRowsPerSec", Math.round(scored / timed[0]));
        out.put("meanScore", String.format(Locale.ROOT, "%.6f", timed[1] / scored));
        memoryFigures(out, "score");
        // more timed passes over the same rows, as torch_reference.py makes: one pass lands wherever the machine
        // puts it (PyTorch's two OpenBLAS threads switch between two speeds from one pass to the next), the
        // best of several says what each system can do; scoreRowsPerSec stays the first pass, as in earlier runs
        final List<Long> passes = new ArrayList<>(List.of(Math.round(scored / timed[0])));
        while (passes.size() < SCORE_PASSES) {
            passes.add(Math.round(scored / score(model, new GeneratedImages(scored, 7))[0]));
        }
        out.put("scorePassesRowsPerSec", passes);
        out.put("scoreRowsPerSecBestPass", Collections.max(passes));
        TrainedAutoencoder.releaseThreadMemory();
        print(out);
    }

    private static void curvePoint(final int rows, final BackendInfo backend, final boolean print) {
        final Map<String, Object> out = header("curve", "engine", backend);
        resetPeakHeap();
        final List<EpochEvent> events = new ArrayList<>();
        final long start = System.nanoTime();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(referenceSpec(1),
            new PooledRows(rows, GeneratedImages.COLUMNS, 7), new TrainingListener() {
                @Override
                public void onEpoch(final EpochEvent event) {
                    events.add(event);
                }
            });
        final double wall = (System.nanoTime() - start) / 1e9;
        out.put("rows", rows);
        out.put("cachedInMemory", (long)rows * GeneratedImages.COLUMNS * Float.BYTES
            <= AutoencoderTrainer.DEFAULT_CACHE_BUDGET_BYTES);
        out.put("epochSeconds", round(events.get(0).seconds()));
        out.put("trainSamplesPerSec", Math.round(rows / events.get(0).seconds()));
        out.put("trainWallSeconds", round(wall));
        out.put("trainingLoss", String.format(Locale.ROOT, "%.6f", events.get(0).trainingLoss()));
        memoryFigures(out, "train");
        resetPeakHeap();
        final double[] timed = score(model, new PooledRows(rows, GeneratedImages.COLUMNS, 11));
        out.put("scoreSeconds", round(timed[0]));
        out.put("scoreRowsPerSec", Math.round(rows / timed[0]));
        memoryFigures(out, "score");
        TrainedAutoencoder.releaseThreadMemory();
        if (print) {
            print(out);
        }
    }

    private static void memory(final int rows, final int columns, final BackendInfo backend) {
        final Map<String, Object> out = header("memory", "engine", backend);
        resetPeakHeap();
        final List<EpochEvent> events = new ArrayList<>();
        final AutoencoderSpec spec = AutoencoderSpec.builder().epochs(1).validationFraction(0.1)
            .earlyStoppingPatience(0).seed(1).build();
        final long start = System.nanoTime();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(spec, new PooledRows(rows, columns, 3),
            new TrainingListener() {
                @Override
                public void onEpoch(final EpochEvent event) {
                    events.add(event);
                }
            });
        out.put("rows", rows);
        out.put("columns", columns);
        out.put("hiddenLayers", java.util.Arrays.toString(model.spec().hiddenLayers()));
        out.put("batchSize", model.spec().batchSize());
        out.put("cachedInMemory", (long)rows * columns * Float.BYTES <= AutoencoderTrainer.DEFAULT_CACHE_BUDGET_BYTES);
        out.put("trainWallSeconds", round((System.nanoTime() - start) / 1e9));
        out.put("trainSamplesPerSec", Math.round(model.trainingRowCount() / events.get(0).seconds()));
        memoryFigures(out, "train");
        // scoring memory must not grow with the rows: measure after a tenth and after all rows
        resetPeakHeap();
        final double[] tenth = score(model, new PooledRows(rows / 10, columns, 5));
        out.put("scoredRowsFirst", rows / 10);
        out.put("scoreRowsPerSecFirst", Math.round(rows / 10 / tenth[0]));
        memoryFigures(out, "scoreFirst");
        resetPeakHeap();
        final double[] all = score(model, new PooledRows(rows, columns, 5));
        out.put("scoredRowsAll", rows);
        out.put("scoreRowsPerSecAll", Math.round(rows / all[0]));
        memoryFigures(out, "scoreAll");
        TrainedAutoencoder.releaseThreadMemory();
        print(out);
    }

    /** Scores all rows of {@code source} in chunks; returns {seconds spent in score(), sum of scores}. */
    private static double[] score(final TrainedAutoencoder model, final RowSource source) {
        final int columns = source.columnNames().size();
        final double[][] chunk = new double[SCORE_CHUNK][columns];
        double seconds = 0;
        double sum = 0;
        try (RowCursor cursor = source.open()) {
            while (true) {
                int n = 0;
                while (n < SCORE_CHUNK && cursor.next(chunk[n])) {
                    n++;
                }
                if (n == 0) {
                    break;
                }
                final double[][] rows = n == SCORE_CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n);
                final long t = System.nanoTime();
                final double[] errors = model.score(rows, ErrorMetric.MSE, false).rowErrors();
                seconds += (System.nanoTime() - t) / 1e9;
                for (final double e : errors) {
                    sum += e;
                }
            }
        }
        return new double[] {seconds, sum};
    }

    private static void writeFloat32(final RowSource source, final Path file) throws IOException {
        final int columns = source.columnNames().size();
        final double[] row = new double[columns];
        final ByteBuffer buffer = ByteBuffer.allocateDirect(columns * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING); RowCursor cursor = source.open()) {
            while (cursor.next(row)) {
                buffer.clear();
                for (final double v : row) {
                    buffer.putFloat((float)v);
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
    }

    private static Map<String, Object> header(final String mode, final String label, final BackendInfo backend) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("system", "engine");
        out.put("mode", mode);
        out.put("label", label);
        out.put("backend", backend.backend());
        out.put("java", System.getProperty("java.version"));
        out.put("threads", Nd4jRuntime.threadSetting());
        out.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        out.put("OPENBLAS_CORETYPE", String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
        out.put("trainer", System.getProperty("aedetect.trainer", "default"));
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        return out;
    }

    private static void memoryFigures(final Map<String, Object> out, final String phase) {
        // peak heap includes garbage the collector had not yet reclaimed (G1 grows towards -Xmx first);
        // live heap is what is left after a full collection at the end of the phase (model included)
        out.put(phase + "PeakHeapMB", peakHeapMegabytes());
        System.gc();
        out.put(phase + "LiveHeapMB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        out.put(phase + "RssMB", procStatusMegabytes("VmRSS"));
        out.put(phase + "PeakRssMB", procStatusMegabytes("VmHWM"));
        out.put(phase + "JavacppTotalMB", Pointer.totalBytes() >> 20);
        out.put(phase + "JavacppPhysicalMB", Pointer.physicalBytes() >> 20);
        // ND4J's data buffers are allocated by libnd4j, which counts them itself (JavaCPP's totalBytes
        // only sees JavaCPP's own allocations): live plus not yet collected arrays at the end of the phase
        out.put(phase + "Nd4jHostMB",
            org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().getGroupCounter(0) >> 20);
    }

    private static void print(final Map<String, Object> out) {
        out.put("loadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.put("date", java.time.Instant.now().toString());
        System.out.println(out.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":" + json(e.getValue())).collect(Collectors.joining(",", "{", "}")));
    }

    private static String json(final Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        final String s = String.valueOf(value);
        return s.startsWith("[") ? s : "\"" + s.replace("\"", "'") + "\"";
    }

    private static double round(final double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static long procStatusMegabytes(final String key) {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no RSS figure
        }
        return -1;
    }

    static void resetPeakHeap() {
        System.gc();
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeapMegabytes() {
        long peak = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /**
     * Rows generated on the fly from a pool of 4,096 precomputed rows (pattern mixes in [0, 1]), picked
     * by a hash of the row index: as cheap as reading a table, so the engine's own cost shows, and no
     * array of all rows ever exists.
     */
    static final class PooledRows implements RowSource {
        private static final int POOL = 4096;

        private final int rows;

        private final List<String> names;

        private final double[][] pool;

        PooledRows(final int rows, final int columns, final long seed) {
            this.rows = rows;
            final List<String> n = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                n.add("c" + c);
            }
            names = List.copyOf(n);
            final SplittableRandom random = new SplittableRandom(seed);
            final double[][] patterns = new double[8][columns];
            for (final double[] p : patterns) {
                for (int c = 0; c < columns; c++) {
                    p[c] = random.nextGaussian();
                }
            }
            pool = new double[POOL][columns];
            for (final double[] row : pool) {
                final double[] w = new double[8];
                for (int p = 0; p < 8; p++) {
                    w[p] = random.nextGaussian();
                }
                for (int c = 0; c < columns; c++) {
                    double z = 0;
                    for (int p = 0; p < 8; p++) {
                        z += w[p] * patterns[p][c];
                    }
                    row[c] = 1 / (1 + Math.exp(-z / Math.sqrt(8)));
                }
            }
        }

        @Override
        public List<String> columnNames() {
            return names;
        }

        @Override
        public RowCursor open() {
            return new RowCursor() {
                private long next;

                @Override
                public boolean next(final double[] into) {
                    if (next >= rows) {
                        return false;
                    }
                    long h = next++ * 0x9E3779B97F4A7C15L;
                    h ^= h >>> 31;
                    System.arraycopy(pool[(int)((h & Long.MAX_VALUE) % POOL)], 0, into, 0, into.length);
                    return true;
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        }
    }
}
