package org.aedetect.autoencoder.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Where the rows come from, which columns are used, and the optional label column for evaluation. */
final class InputOptions {

    @Option(names = {"-i", "--input"}, paramLabel = "CSV", description = "CSV file with a header row. Without it, "
        + "the embedded data set (Breast Cancer Wisconsin, malignant as the anomaly class) is used.")
    Path input;

    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "The numeric columns to use, by "
        + "name, separated by commas. Default: every numeric column except the label column and --exclude-columns.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--exclude-columns", split = ",", paramLabel = "NAME",
        description = "Numeric columns not to use when the columns are chosen automatically (e.g. an id column).")
    List<String> excludeColumns = new ArrayList<>();

    @Option(names = "--label-column", paramLabel = "NAME", description = "Column with the true class of each row. "
        + "It is never used for training or scoring; the report then evaluates the anomaly flags against it (AUROC, "
        + "average precision, precision, recall and F1).")
    String labelColumn;

    @Option(names = "--anomaly-label", paramLabel = "VALUE", description = "The value of the label column that marks "
        + "a real anomaly (compared as text, ignoring case, or as a number). Default: 1 (malignant for the embedded "
        + "data set).")
    String anomalyLabel;
}
