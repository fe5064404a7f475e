package org.aedetect.autoencoder.node.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.aedetect.autoencoder.engine.ArrayRowSource;
import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.ErrorMetric;
import org.aedetect.autoencoder.engine.NormalizationKind;
import org.aedetect.autoencoder.engine.RowValues;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.aedetect.autoencoder.node.Nodes;
import org.aedetect.autoencoder.node.TableRows;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.offline.testing.ColumnFilterSettings;
import org.knime.offline.testing.NodeRunner;
import org.knime.offline.testing.Tables;

/**
 * Issue 6, item 4: what the node layer costs. Trains and scores the same data with the same settings
 * once through the Learner and Scorer node models (executed on in-memory tables through
 * knime-api-offline, as the node tests do) and once through the engine alone, alternating, and prints
 * one JSON line with the best time of each and the overhead. Both paths must produce the same final
 * training loss, or the comparison is void (printed as "sameTraining"). A program, not a test.
 * Arguments: [rows] [columns] [epochs] [repeats].
 *
 * <p>Also prints the engine reading the same table's cells itself ("engineOnCells...": training from
 * {@link TableRows}, scoring the table's rows in the Scorer node's batches through {@link TableRows#read}): the node's
 * time over that is what the node layer's own code costs (settings, batching, writing the score rows, the
 * join), apart from reading KNIME's cells, which any use of the engine from KNIME pays. All three scoring
 * passes start without the model's scoring buffers (the engine's and the node's on a model that has not scored
 * yet; the cells pass after freeing those of the first pass), so that each pays their allocation once.
 */
public final class NodeLayerBenchmark {

    private static final int FACTORS = 5;

    private NodeLayerBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        final int columns = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        final int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        final int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        final String[] names = new String[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = "x" + c;
        }
        final double[][] data = factorData(rows, columns, 3);
        final BufferedDataTable table = Tables.doubles(names, data);
        final AutoencoderSpec spec = AutoencoderSpec.builder().hiddenLayers(64, 16).epochs(epochs).batchSize(256)
            .validationFraction(0.1).earlyStoppingPatience(0).seed(1).normalization(NormalizationKind.MIN_MAX).build();
        Nd4jRuntime.ensureInitialized();
        // rows per scoring call, as the Scorer node scores
        final int batch = TrainedAutoencoder.scoreCallRows();

        double engineTrain = Double.MAX_VALUE;
        double nodeTrain = Double.MAX_VALUE;
        double engineScore = Double.MAX_VALUE;
        double cellsTrain = Double.MAX_VALUE;
        double cellsScore = Double.MAX_VALUE;
        double nodeScore = Double.MAX_VALUE;
        double engineLoss = Double.NaN;
        double nodeLoss = Double.NaN;
        for (int repeat = 0; repeat <= repeats; repeat++) { // repeat 0 warms up both paths
            long start = System.nanoTime();
            final TrainedAutoencoder model = new AutoencoderTrainer().train(spec, new ArrayRowSource(Arrays.asList(names),
                data), null);
            final double engineTrainSeconds = seconds(start);
            start = System.nanoTime();
            for (int from = 0; from < rows; from += batch) {
                model.score(Arrays.copyOfRange(data, from, Math.min(rows, from + batch)), ErrorMetric.MSE, false);
            }
            final double engineScoreSeconds = seconds(start);
            start = System.nanoTime();
            new AutoencoderTrainer().train(spec, new TableRows(table, Arrays.asList(names)), null);
            final double cellsTrainSeconds = seconds(start);
            // start from no scoring buffers, as the first scoring above and the Scorer node (a model it has not
            // scored with yet, and it frees them when done) do: otherwise this pass alone reuses warm ones
            model.releaseScoringBuffers();
            start = System.nanoTime();
            scoreCells(model, table, TableRows.indicesOf(table.getDataTableSpec(), Arrays.asList(names)), batch);
            final double cellsScoreSeconds = seconds(start);
            engineLoss = model.history().get(model.history().size() - 1).trainingLoss();

            final NodeRunner<NodeModel> learner = Nodes.learner();
            final NodeSettings settings = learner.saveSettings();
            ColumnFilterSettings.include(settings, "input_columns", names);
            settings.addString("hidden_layers", "64, 16");
            settings.addInt("epochs", epochs);
            settings.addInt("batch_size", 256);
            settings.addDouble("validation_fraction", 0.1);
            settings.addInt("early_stopping_patience", 0);
            settings.addLong("seed", 1L);
            settings.addString("normalization", "Min-max");
            learner.loadSettings(settings);
            start = System.nanoTime();
            final PortObject[] learned = learner.execute(table);
            final double nodeTrainSeconds = seconds(start);
            final AutoencoderPortObject port = (AutoencoderPortObject)learned[0];
            nodeLoss = port.getModel().history().get(port.getModel().history().size() - 1).trainingLoss();
            final NodeRunner<NodeModel> scorer = Nodes.scorer();
            start = System.nanoTime();
            scorer.execute(port, table);
            final double nodeScoreSeconds = seconds(start);
            if (repeat > 0) {
                engineTrain = Math.min(engineTrain, engineTrainSeconds);
                engineScore = Math.min(engineScore, engineScoreSeconds);
                cellsTrain = Math.min(cellsTrain, cellsTrainSeconds);
                cellsScore = Math.min(cellsScore, cellsScoreSeconds);
                nodeTrain = Math.min(nodeTrain, nodeTrainSeconds);
                nodeScore = Math.min(nodeScore, nodeScoreSeconds);
            }
        }
        System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"node-layer-overhead\",\"rows\":%d,"
            + "\"columns\":%d,\"network\":\"%d-64-16-64-%d\",\"epochs\":%d,\"repeats\":%d,"
            + "\"engineTrainSeconds\":%.3f,\"nodeTrainSeconds\":%.3f,\"trainOverheadPercent\":%.1f,"
            + "\"engineScoreSeconds\":%.3f,\"nodeScoreSeconds\":%.3f,\"scoreOverheadPercent\":%.1f,"
            + "\"engineOnCellsTrainSeconds\":%.3f,\"trainOverheadOverCellsPercent\":%.1f,"
            + "\"engineOnCellsScoreSeconds\":%.3f,\"scoreOverheadOverCellsPercent\":%.1f,"
            + "\"sameTraining\":%b,\"threads\":\"%s\",\"loadAverage\":%.2f,\"date\":\"%s\"}",
            rows, columns, columns, columns, epochs, repeats, engineTrain, nodeTrain,
            100 * (nodeTrain / engineTrain - 1), engineScore, nodeScore, 100 * (nodeScore / engineScore - 1),
            cellsTrain, 100 * (nodeTrain / cellsTrain - 1), cellsScore, 100 * (nodeScore / cellsScore - 1),
            engineLoss == nodeLoss, Nd4jRuntime.threadSetting(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Instant.now()));
    }

    /**
     * Scores the table's rows in batches of {@code batchRows} (the Scorer node's), the engine reading their cells
     * (no output table).
     */
    private static void scoreCells(final TrainedAutoencoder model, final BufferedDataTable table,
        final int[] indices, final int batchRows) {
        final DataRow[] batch = new DataRow[batchRows];
        final RowValues values = TableRows.values(batch, indices);
        // through the same column filter as the Scorer node
        try (CloseableRowIterator it = table.filter(TableRows.only(indices)).iterator()) {
            while (it.hasNext()) {
                int n = 0;
                while (n < batch.length && it.hasNext()) {
                    batch[n++] = it.next();
                }
                model.score(n, values, ErrorMetric.MSE, false);
            }
        }
    }

    /** Rows of a rank-{@value #FACTORS} linear model plus a little noise, squashed into (0, 1). */
    private static double[][] factorData(final int rows, final int columns, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[][] loadings = new double[FACTORS][columns];
        for (final double[] row : loadings) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextGaussian();
            }
        }
        final double[][] data = new double[rows][columns];
        final double[] factors = new double[FACTORS];
        for (final double[] row : data) {
            for (int f = 0; f < FACTORS; f++) {
                factors[f] = random.nextGaussian();
            }
            for (int c = 0; c < columns; c++) {
                double z = 0.05 * random.nextGaussian();
                for (int f = 0; f < FACTORS; f++) {
                    z += factors[f] * loadings[f][c];
                }
                row[c] = 1 / (1 + Math.exp(-z / Math.sqrt(FACTORS)));
            }
        }
        return data;
    }

    private static double seconds(final long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
