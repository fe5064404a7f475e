package org.aedetect.autoencoder.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input ends with a non-zero exit and one clear line on stderr, never a stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertFailsClearly(final Cli cli, final int exitCode, final String... expected) {
        assertEquals(exitCode, cli.exitCode(), cli.err());
        // one line says it all (training runs print "Training on ..." before it)
        assertTrue(cli.err().lines().anyMatch(line -> java.util.Arrays.stream(expected).allMatch(line::contains)),
            "expected " + java.util.Arrays.toString(expected) + " in one line of: " + cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        assertFalse(cli.err().contains("Exception"), "no exception names: " + cli.err());
    }

    private Path csv(final String text) throws IOException {
        Path file = dir.resolve("input.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void missingInputFile() {
        assertFailsClearly(Cli.run("--input", dir.resolve("nope.csv").toString(), "-o", dir.toString()), 1,
            "nope.csv does not exist");
    }

    @Test
    void noNumericColumns() throws IOException {
        assertFailsClearly(Cli.run("--input", csv("a,b\nx,y\nz,w\n").toString(), "-o", dir.toString()), 1,
            "has no numeric column");
    }

    @Test
    void unknownColumn() throws IOException {
        assertFailsClearly(Cli.run("--input", csv("a,b\n1,2\n3,4\n").toString(), "--columns", "a,c", "-o",
            dir.toString()), 1, "has no column \"c\"", "Its columns are: a, b");
    }

    @Test
    void unknownLabelColumn() throws IOException {
        assertFailsClearly(Cli.run("--input", csv("a,b\n1,2\n3,4\n").toString(), "--label-column", "class", "-o",
            dir.toString()), 1, "has no column \"class\"");
    }

    @Test
    void labelColumnWithoutTheAnomalyLabel() throws IOException {
        assertFailsClearly(Cli.run("--input", csv("a,b,c\n1,2,ok\n3,4,bad\n").toString(), "--label-column", "c", "-o",
            dir.toString()), 1, "no row with the anomaly label \"1\"", "--anomaly-label", "ok, bad");
    }

    @Test
    void missingValueUnderTheDefaultFailPolicy() throws IOException {
        assertFailsClearly(Cli.run("--input", csv("a,b\n1,2\n2,\n3,6\n").toString(), "--no-progress", "-o",
            dir.toString()), 1, "Column 'b' has a missing value in row 2", "--missing-values skip-row");
    }

    @Test
    void ruleParameterOutOfRange() {
        assertFailsClearly(Cli.run("--percentile", "150", "-o", dir.toString()), 1, "--percentile:",
            "above 0 and below 100");
        assertFailsClearly(Cli.run("--rule", "mean-k-sd", "--k-sd", "-1", "-o", dir.toString()), 1, "--k-sd:");
    }

    @Test
    void invalidLearnerSettings() {
        assertFailsClearly(Cli.run("--epochs", "0", "-o", dir.toString()), 1, "epochs must be at least 1");
        assertFailsClearly(Cli.run("--hidden-layers", "8,x", "-o", dir.toString()), 1, "--hidden-layers");
    }

    @Test
    void unknownOptionValuesAreUsageErrors() {
        assertFailsClearly(Cli.run("--rule", "median"), 2, "--rule", "percentile, contamination");
        assertFailsClearly(Cli.run("--epochs", "many"), 2, "--epochs");
        assertFailsClearly(Cli.run("--no-such-option"), 2, "Unknown option");
        assertFailsClearly(Cli.run("--backend", "gpu"), 2, "--backend", "auto, cpu, cuda");
    }

    @Test
    void corruptModelFile() throws IOException {
        Path model = dir.resolve("model.bin");
        Files.writeString(model, "this is not a model");
        assertFailsClearly(Cli.run("score", "--model", model.toString(), "-o", dir.toString()), 1,
            "is not a usable model file");
    }

    @Test
    void missingModelFile() {
        assertFailsClearly(Cli.run("score", "--model", dir.resolve("none.bin").toString(), "-o", dir.toString()), 1,
            "none.bin does not exist");
    }

    @Test
    void debugPrintsTheStackTraceAfterTheMessage() {
        Cli cli = Cli.run("--input", dir.resolve("nope.csv").toString(), "-o", dir.toString(), "--debug");
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().startsWith("autoencoder-batch: error: The input file"), cli.err());
        assertTrue(cli.err().contains("\tat "), cli.err());
    }
}
