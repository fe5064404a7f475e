package org.aedetect.autoencoder.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main-job command, run on the packaged jar in a fresh working folder, as a user runs it. */
class PackagedJarIT {

    @TempDir
    Path workDir;

    private static Path jar() {
        return Path.of(System.getProperty("batch.jar", "target/autoencoder-batch.jar")).toAbsolutePath();
    }

    private String[] run(final String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile())
            .redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "finished in time");
        return new String[] {Integer.toString(process.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void theJarWithoutArgumentsRunsThePipelineOnTheEmbeddedDataSet() throws Exception {
        String[] result = run();
        assertEquals("0", result[0], result[2]);
        Path output = workDir.resolve("autoencoder-output");
        for (String file : List.of("scored.csv", "anomalies.csv", "model.bin", "report.txt", "report.json")) {
            assertTrue(Files.size(output.resolve(file)) > 0, file);
        }
        assertTrue(result[1].contains("AUROC"), result[1]);
        assertTrue(result[2].contains("Training 100% ["), "progress bar on stderr: " + result[2]);

        String[] scored = run("score", "--model", "autoencoder-output/model.bin", "--output", "rescored");
        assertEquals("0", scored[0], scored[2]);
        assertTrue(Files.exists(workDir.resolve("rescored/report.json")));
    }

    @Test
    void helpDescribesTheThreeSteps() throws Exception {
        String[] result = run("--help");
        assertEquals("0", result[0], result[2]);
        for (String heading : List.of("Autoencoder Learner:", "Reconstruction Scorer:", "Threshold Filter:",
            "--percentile=P", "--epochs=N")) {
            assertTrue(result[1].contains(heading), heading);
        }
        assertTrue(result[2].isEmpty(), result[2]);
    }
}
