package org.aedetect.autoencoder.engine.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.EpochEvent;
import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.engine.TrainingListener;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains and scores the reference network of docs/performance.md (784-512-128-32-128-512-784, ReLU,
 * sigmoid output, MSE, Adam 0.001, batch 256, float32) through the public engine API on generated
 * rows in [0, 1], and prints one JSON line with the throughput figures and the thread settings used.
 * A program, not a test: figures depend on the machine. Arguments: [rows] [epochs] [scoredRows].
 */
public final class ReferenceBenchmark {

    private static final int SCORE_CHUNK = 4096;

    private ReferenceBenchmark() {
    }

    public static void main(final String[] args) {
        final int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        final int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        final int scoredRows = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        final var backend = Nd4jRuntime.ensureInitialized();
        SideBySideBenchmark.resetPeakHeap();

        final AutoencoderSpec spec = SideBySideBenchmark.referenceSpec(epochs);
        final List<EpochEvent> events = new ArrayList<>();
        final long trainStart = System.nanoTime();
        final TrainedAutoencoder model = new AutoencoderTrainer().train(spec, new GeneratedImages(rows, 7),
            new TrainingListener() {
                @Override
                public void onEpoch(final EpochEvent event) {
                    events.add(event);
                }
            });
        final double trainWallSeconds = (System.nanoTime() - trainStart) / 1e9;
        final double epochSeconds = events.stream().mapToDouble(EpochEvent::seconds).sum();
        final double lastEpochSeconds = events.get(events.size() - 1).seconds();

        final double[][] scored = GeneratedImages.materialize(scoredRows, 11);
        model.score(java.util.Arrays.copyOf(scored, Math.min(SCORE_CHUNK, scoredRows)), ErrorMetric.MSE, false);
        final long scoreStart = System.nanoTime();
        double checksum = 0;
        for (int start = 0; start < scoredRows; start += SCORE_CHUNK) {
            final double[][] chunk =
                java.util.Arrays.copyOfRange(scored, start, Math.min(scoredRows, start + SCORE_CHUNK));
            for (final double e : model.score(chunk, ErrorMetric.MSE, false).rowErrors()) {
                checksum += e;
            }
        }
        final double scoreSeconds = (System.nanoTime() - scoreStart) / 1e9;
        TrainedAutoencoder.releaseThreadMemory();

        System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"engine-reference-784-512-128-32\","
            + "\"rows\":%d,\"epochs\":%d,\"parameters\":%d,"
            + "\"trainSamplesPerSec\":%.0f,\"trainSamplesPerSecLastEpoch\":%.0f,\"trainWallSeconds\":%.2f,"
            + "\"scoredRows\":%d,\"scoreRowsPerSec\":%.0f,\"peakHeapMB\":%d,"
            + "\"backend\":\"%s\",\"device\":\"%s\",\"nd4jMaxThreads\":%d,\"nd4jMasterThreads\":%d,"
            + "\"OMP_NUM_THREADS\":\"%s\",\"cpus\":%d,\"javaVersion\":\"%s\",\"maxHeapMB\":%d,"
            + "\"trainingLossPerEpoch\":%s,\"meanScore\":%.6f,\"systemLoadAverage\":%.2f,\"date\":\"%s\"}",
            rows, events.size(), model.parameterCount(),
            rows * (double)events.size() / epochSeconds, rows / lastEpochSeconds, trainWallSeconds,
            scoredRows, scoredRows / scoreSeconds, SideBySideBenchmark.peakHeapMegabytes(),
            backend.backend(), backend.device(), Nd4j.getEnvironment().maxThreads(),
            Nd4j.getEnvironment().maxMasterThreads(), String.valueOf(System.getenv("OMP_NUM_THREADS")),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() >> 20,
            events.stream().map(e -> String.format(Locale.ROOT, "%.6f", e.trainingLoss())).toList(),
            checksum / scoredRows, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Instant.now()));
    }
}
