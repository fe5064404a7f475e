package org.aedetect.autoencoder.engine.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.aedetect.autoencoder.engine.ArrayRowSource;
import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.GeneratedData;
import org.aedetect.autoencoder.engine.NormalizationKind;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.engine.TrainingListener;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;

/**
 * How fast the engine scores the same rows handed over in calls of different sizes: what {@link
 * TrainedAutoencoder#scoreCallRows()} rests on. Two networks: the node benchmark's 100-64-16-64-100 (min-max
 * normalization, 50,000 rows) and the reference network of docs/performance.md (no normalization, 20,000 rows);
 * each trained briefly on its own rows, as scoring speed does not depend on how well. For each call size, in
 * rotation, {@code passes} timed passes over all rows; prints one JSON line per network and call size with the
 * median and best pass. A program, not a test. Arguments: [passes] (default 15) [rounds] (default 3) [call sizes]
 * (default 1024 2048 4096 8192). One JVM per call size gives each size its own JIT profile: in one JVM, sizes timed
 * later profit from what earlier ones compiled.
 */
public final class ScoringCallSizes {

    private ScoringCallSizes() {
    }

    public static void main(final String[] args) {
        final int passes = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final int[] callRows = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt)
            .toArray() : new int[] {1024, 2048, 4096, 8192};
        Nd4jRuntime.ensureInitialized();
        final double[][] narrow = GeneratedData.uniform(50_000, 100, 3);
        final TrainedAutoencoder narrowModel = new AutoencoderTrainer().train(AutoencoderSpec.builder()
            .hiddenLayers(64, 16).epochs(1).batchSize(256).validationFraction(0).earlyStoppingPatience(0).seed(1)
            .normalization(NormalizationKind.MIN_MAX).build(), ArrayRowSource.of(Arrays.copyOf(narrow, 5000)),
            TrainingListener.NONE);
        final double[][] wide = GeneratedImages.materialize(20_000, 7);
        final TrainedAutoencoder wideModel = new AutoencoderTrainer().train(
            SideBySideBenchmark.referenceSpec(1), ArrayRowSource.of(Arrays.copyOf(wide, 4096)), TrainingListener.NONE);
        for (int round = 1; round <= rounds; round++) {
            for (final int call : callRows) {
                print("100-64-16-64-100", round, call, passes(narrowModel, narrow, call, passes));
                print("784-512-128-32-128-512-784", round, call, passes(wideModel, wide, call, passes));
            }
        }
    }

    /** Rows per second of each timed pass over all rows, after one untimed pass. */
    private static List<Long> passes(final TrainedAutoencoder model, final double[][] rows, final int call,
        final int passes) {
        final List<Long> rates = new ArrayList<>();
        for (int p = 0; p <= passes; p++) {
            final long start = System.nanoTime();
            for (int from = 0; from < rows.length; from += call) {
                model.score(Arrays.copyOfRange(rows, from, Math.min(rows.length, from + call)), ErrorMetric.MSE,
                    false);
            }
            if (p > 0) {
                rates.add(Math.round(rows.length / ((System.nanoTime() - start) / 1e9)));
            }
        }
        return rates;
    }

    private static void print(final String network, final int round, final int call, final List<Long> rates) {
        final List<Long> sorted = rates.stream().sorted().toList();
        System.out.println(String.format(Locale.ROOT, "{\"network\":\"%s\",\"round\":%d,\"callRows\":%d,"
            + "\"medianRowsPerSec\":%d,\"bestRowsPerSec\":%d,\"threads\":\"%s\",\"loadAverage\":%.2f,\"date\":\"%s\"}",
            network, round, call, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
            Nd4jRuntime.threadSetting(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Instant.now()));
    }
}
