package org.aedetect.autoencoder.batch;

import java.nio.file.Path;

import org.aedetect.autoencoder.engine.backend.BackendChoice;

import picocli.CommandLine.Option;

/** Where the results go and how the run behaves. */
final class RunOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FOLDER", description = "Folder for scored.csv, anomalies.csv, "
        + "model.bin (train only), report.txt and report.json; created if needed, files in it are replaced. Default: "
        + "${DEFAULT-VALUE}.")
    Path output = Path.of("autoencoder-output");

    @Option(names = "--backend", paramLabel = "NAME", description = "Where the network is computed: auto (an NVIDIA "
        + "GPU if ND4J's CUDA backend is on the class path and usable, the CPU otherwise), cpu, or cuda (insists on "
        + "the GPU). Default: the system property aedetect.backend, else auto.")
    BackendChoice backend;

    @Option(names = "--no-progress", description = "Do not draw the training progress bar (e.g. in log files).")
    boolean noProgress;

    @Option(names = "--debug", description = "On failure, print the stack trace as well as the message.")
    boolean debug;
}
