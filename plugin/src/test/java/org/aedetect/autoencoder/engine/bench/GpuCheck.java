package org.aedetect.autoencoder.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.NativeSelfCheck;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.engine.backend.BackendChoice;
import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.BackendSelector;
import org.aedetect.autoencoder.engine.backend.BackendUnavailableException;
import org.aedetect.autoencoder.engine.backend.GpuDevice;
import org.aedetect.autoencoder.engine.backend.GpuFacts;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.bytedeco.javacpp.Pointer;

/**
 * The program behind plugin/gpu-check/gpu-check.sh (issue 7). Each backend runs in its own JVM,
 * because ND4J fixes its backend once per JVM:
 * <ul>
 * <li>{@code probe}: probes the GPUs and prints what was found and what Auto and CUDA decide, without
 * starting ND4J: besides the plugin's classes it needs JavaCPP, its CUDA runtime preset, ND4J's CUDA classes
 * (the jar without natives, so that the GPU feature counts as installed), nd4j-api, nd4j-common and the CUDA 11
 * runtime library, but none of ND4J's natives. Exit 0 when CUDA is usable, 3 when Auto falls back to the
 * CPU.</li>
 * <li>{@code detect}: {@code probe}, then trains a tiny network under Auto to show that whatever was
 * decided actually runs. Same exit codes.</li>
 * <li>{@code train <dir>}: trains the reference network on the backend chosen with
 * -Daedetect.backend, scores a fixed evaluation set, writes model and scores to the folder and
 * prints one JSON line.</li>
 * <li>{@code compare <dir>}: on the CPU, loads the CUDA-trained model and scores the evaluation set
 * again (same model, two backends: relative difference at most {@value #SAME_MODEL_TOLERANCE}), and
 * compares the CUDA- and CPU-trained models' scores (same seed and data, different arithmetic: rank
 * correlation at least {@value #TRAINED_RANK_CORRELATION}). Exit 1 when either is violated.</li>
 * </ul>
 */
public final class GpuCheck {

    static final double SAME_MODEL_TOLERANCE = 1e-3;

    static final double TRAINED_RANK_CORRELATION = 0.99;

    private static final int TRAIN_ROWS = 20_000;

    private static final int EVAL_ROWS = 4_096;

    private GpuCheck() {
    }

    public static void main(final String[] args) throws IOException {
        final String mode = args.length > 0 ? args[0] : "detect";
        switch (mode) {
            case "probe" -> System.exit(probe("probe") ? 0 : 3);
            case "detect" -> System.exit(detect());
            case "train" -> train(Path.of(args[1]));
            case "compare" -> System.exit(compare(Path.of(args[1])));
            default -> throw new IllegalArgumentException(
                "usage: GpuCheck probe | detect | train <dir> | compare <dir>");
        }
    }

    /**
     * @param check the name of the check in the printed line
     * @return whether CUDA is usable
     */
    private static boolean probe(final String check) {
        final GpuFacts facts = Nd4jRuntime.probeGpus();
        boolean cudaUsable;
        String decision;
        try {
            final var chosen = BackendSelector.decide(BackendChoice.AUTO, facts);
            cudaUsable = chosen.useCuda();
            decision = cudaUsable ? "Auto uses CUDA" : String.join(" ", chosen.warnings());
        } catch (BackendUnavailableException e) {
            cudaUsable = false;
            decision = e.getMessage();
        }
        String cudaDecision;
        try {
            BackendSelector.decide(BackendChoice.CUDA, facts);
            cudaDecision = "CUDA accepted";
        } catch (BackendUnavailableException e) {
            cudaDecision = e.getMessage();
        }
        System.out.println(json("check", check, "gpuFeature", facts.cudaBackendInstalled(), "problem",
            facts.problem(), "devices", facts.devices().stream().map(GpuCheck::describe).collect(
                Collectors.joining("; ")), "autoDecision", decision, "cudaDecision", cudaDecision));
        return cudaUsable;
    }

    private static int detect() {
        final boolean cudaUsable = probe("detect");
        final var selfCheck = NativeSelfCheck.run();
        System.out.println(json("check", "auto-runs", "backend", selfCheck.get("backend"), "device",
            selfCheck.get("device"), "lossBefore", selfCheck.get("lossBefore"), "lossAfter", selfCheck.get("lossAfter"),
            "warnings", selfCheck.get("warnings")));
        return cudaUsable ? 0 : 3;
    }

    private static void train(final Path dir) throws IOException {
        Files.createDirectories(dir);
        final BackendInfo backend = Nd4jRuntime.ensureInitialized();
        final AutoencoderSpec spec = SideBySideBenchmark.referenceSpec(1);
        final long trainStart = System.nanoTime();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(spec, new GeneratedImages(TRAIN_ROWS, 7), null);
        final double trainSeconds = model.history().get(0).seconds();
        final double trainWall = (System.nanoTime() - trainStart) / 1e9;
        final double[][] eval = GeneratedImages.materialize(EVAL_ROWS, 11);
        model.score(eval, ErrorMetric.MSE, false); // warm-up
        final long scoreStart = System.nanoTime();
        final double[] scores = model.score(eval, ErrorMetric.MSE, false).rowErrors();
        final double scoreSeconds = (System.nanoTime() - scoreStart) / 1e9;
        final String name = backend.backend().toLowerCase(Locale.ROOT);
        Files.writeString(dir.resolve("scores-" + name + ".txt"),
            Arrays.stream(scores).mapToObj(Double::toString).collect(Collectors.joining("\n")));
        try (OutputStream out = Files.newOutputStream(dir.resolve("model-" + name + ".bin"))) {
            model.save(out);
        }
        System.out.println(json("check", "train", "backend", backend.backend(), "device", backend.device(),
            "trainSamplesPerSec", round(TRAIN_ROWS / trainSeconds), "trainWallSeconds", round(trainWall),
            "scoreRowsPerSec", round(EVAL_ROWS / scoreSeconds), "javacppPhysicalBytesMB",
            Pointer.physicalBytes() >> 20, "javacppTotalBytesMB", Pointer.totalBytes() >> 20, "heapUsedMB",
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, "warnings",
            String.join(" ", backend.warnings()), "date", Instant.now().toString()));
    }

    private static int compare(final Path dir) throws IOException {
        final double[] cudaScores = read(dir.resolve("scores-cuda.txt"));
        final double[] cpuScores = read(dir.resolve("scores-cpu.txt"));
        final TrainedAutoencoder cudaModel;
        try (InputStream in = Files.newInputStream(dir.resolve("model-cuda.bin"))) {
            cudaModel = TrainedAutoencoder.load(in);
        }
        final double[] cudaModelOnCpu =
            cudaModel.score(GeneratedImages.materialize(EVAL_ROWS, 11), ErrorMetric.MSE, false).rowErrors();
        final double sameModel = maxRelativeDifference(cudaScores, cudaModelOnCpu);
        final double rank = spearman(cudaScores, cpuScores);
        final boolean ok = sameModel <= SAME_MODEL_TOLERANCE && rank >= TRAINED_RANK_CORRELATION;
        System.out.println(json("check", "compare", "sameModelMaxRelativeDifference", sameModel, "tolerance",
            SAME_MODEL_TOLERANCE, "trainedModelsRankCorrelation", rank, "minimum", TRAINED_RANK_CORRELATION,
            "cudaTrainedMeanScore", mean(cudaScores), "cpuTrainedMeanScore", mean(cpuScores), "result",
            ok ? "pass" : "FAIL"));
        return ok ? 0 : 1;
    }

    static double maxRelativeDifference(final double[] a, final double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), 1e-12));
        }
        return max;
    }

    static double spearman(final double[] a, final double[] b) {
        final double[] ra = ranks(a);
        final double[] rb = ranks(b);
        final double ma = mean(ra);
        final double mb = mean(rb);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < ra.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    private static double[] ranks(final double[] values) {
        final Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        final double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }

    private static double mean(final double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double[] read(final Path file) throws IOException {
        return Files.readAllLines(file).stream().mapToDouble(Double::parseDouble).toArray();
    }

    private static String describe(final GpuDevice gpu) {
        return gpu.describe() + (gpu.supportedByNd4jCuda() ? " supported" : " NOT supported by ND4J 1.0.0-M2.1 CUDA");
    }

    private static double round(final double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A flat JSON object from key/value pairs; strings are escaped, numbers and booleans written as such. */
    static String json(final Object... keyValues) {
        final StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(keyValues[i]).append("\":");
            final Object value = keyValues[i + 1];
            if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value == null) {
                out.append("null");
            } else {
                out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", " ")).append('"');
            }
        }
        return out.append('}').toString();
    }
}
