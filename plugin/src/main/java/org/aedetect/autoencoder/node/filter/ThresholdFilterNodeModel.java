package org.aedetect.autoencoder.node.filter;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.aedetect.autoencoder.chart.Charts;
import org.aedetect.autoencoder.chart.HistogramChart;
import org.aedetect.autoencoder.chart.ScoreHistogram;
import org.aedetect.autoencoder.engine.ErrorDistribution;
import org.aedetect.autoencoder.engine.ThresholdRule;
import org.aedetect.autoencoder.node.InputKeyedContainer;
import org.aedetect.autoencoder.node.TableRows;
import org.aedetect.autoencoder.node.filter.FilterSettings.MissingScores;
import org.aedetect.autoencoder.node.filter.FilterSettings.OutputMode;
import org.aedetect.autoencoder.node.filter.FilterSettings.RuleKind;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.BooleanCell.BooleanCellFactory;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * Threshold Filter: picks a threshold on a score column with one of the engine's rules and splits the rows into
 * anomalies (score above the threshold) and normal rows, or flags them in an appended boolean column. The histogram
 * of the scores with the threshold goes to the view (kept in the internals) and, as a PNG, to the image port. Needs
 * two passes over the table (the rules look at all scores), so it does not stream.
 */
final class ThresholdFilterNodeModel extends NodeModel {

    static final String FLOW_THRESHOLD = "anomaly_threshold";

    static final String FLOW_ANOMALY_COUNT = "anomaly_count";

    static final String FLOW_RULE = "anomaly_threshold_rule";

    static final ImagePortObjectSpec IMAGE_SPEC = new ImagePortObjectSpec(PNGImageContent.TYPE);

    private final FilterSettings m_settings = new FilterSettings();

    /** Shown by the view; kept in the internals. Null until executed. */
    private ScoreHistogram m_histogram;

    ThresholdFilterNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, AutoencoderPortObject.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        scoreColumnIndex(in);
        m_settings.rule();
        m_settings.missingScores();
        if (m_settings.ruleKind() == RuleKind.TRAINING_QUANTILE && inSpecs[1] == null) {
            throw new InvalidSettingsException("The rule \"Quantile of training errors\" needs the model: connect the "
                + "model output of the Autoencoder Learner to the second input of this node.");
        }
        return new PortObjectSpec[]{firstOutputSpec(in), in, IMAGE_SPEC};
    }

    private int scoreColumnIndex(final DataTableSpec in) throws InvalidSettingsException {
        String name = m_settings.scoreColumn();
        int index = in.findColumnIndex(name);
        if (index < 0) {
            throw new InvalidSettingsException("The input table has no score column \"" + name + "\". Choose the "
                + "column appended by the Reconstruction Scorer (\"Score column\" in the dialog).");
        }
        DataColumnSpec col = in.getColumnSpec(index);
        if (!col.getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("The score column \"" + name + "\" is of type "
                + col.getType().getName() + "; it must hold numbers.");
        }
        return index;
    }

    private DataTableSpec firstOutputSpec(final DataTableSpec in) throws InvalidSettingsException {
        return m_settings.outputMode() == OutputMode.SPLIT ? in : new DataTableSpec(in, flagSpec(in));
    }

    /** The appended anomaly column alone (append mode). */
    private DataTableSpec flagSpec(final DataTableSpec in) throws InvalidSettingsException {
        String name = m_settings.anomalyColumn();
        if (in.containsName(name)) {
            throw new InvalidSettingsException("The input table already has a column \"" + name
                + "\". Choose another name for the anomaly column.");
        }
        return new DataTableSpec(new DataColumnSpecCreator(name, BooleanCell.TYPE).createSpec());
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        DataTableSpec in = table.getDataTableSpec();
        int scoreIndex = scoreColumnIndex(in);
        ThresholdRule rule = m_settings.rule();
        MissingScores missing = m_settings.missingScores();
        double[] scores = readScores(table, scoreIndex, missing, exec.createSubProgress(0.3));
        ErrorDistribution training =
            inObjects[1] == null ? null : ((AutoencoderPortObject)inObjects[1]).getModel().trainingErrors();
        boolean needsScores = !(rule instanceof ThresholdRule.Fixed || rule instanceof ThresholdRule.TrainingQuantile);
        if (scores.length == 0 && needsScores) {
            // nothing to decide on: empty outputs and a picture saying so, and no threshold rather than a made-up one
            setWarningMessage("The input table is empty, so both outputs are empty and no threshold was computed "
                + "(the flow variable \"" + FLOW_THRESHOLD + "\" is not set).");
            pushFlowVariableInt(FLOW_ANOMALY_COUNT, 0);
            pushFlowVariableString(FLOW_RULE, rule.describe());
            BufferedDataContainer first = InputKeyedContainer.create(exec, firstOutputSpec(in));
            BufferedDataContainer second = InputKeyedContainer.create(exec, in);
            first.close();
            second.close();
            byte[] png = Charts.noDataPng("Reconstruction error", "The input table is empty: no scores, no threshold.");
            return new PortObject[]{first.getTable(), second.getTable(),
                new ImagePortObject(new PNGImageContent(png), IMAGE_SPEC)};
        }
        double threshold = rule.threshold(scores, training);

        boolean append = m_settings.outputMode() == OutputMode.APPEND_COLUMN;
        // appending: only the flag column is written and then joined to the input, so no input cell is copied
        // (as the Scorer does); splitting: each row goes to one of the two tables
        BufferedDataContainer first = InputKeyedContainer.create(exec, append ? flagSpec(in) : in);
        BufferedDataContainer second = InputKeyedContainer.create(exec, in);
        ExecutionMonitor progress = exec.createSubProgress(append ? 0.6 : 0.7);
        int anomalies = 0;
        int i = 0;
        // appending needs only the keys: no cell is materialized
        try (CloseableRowIterator rows =
            append ? table.filter(TableRows.only(new int[0])).iterator() : table.iterator()) {
            while (rows.hasNext()) {
                DataRow row = rows.next();
                boolean anomaly = Double.isNaN(scores[i]) ? missing == MissingScores.ANOMALY
                    : rule.isAnomaly(scores[i], threshold);
                anomalies += anomaly ? 1 : 0;
                if (append) {
                    first.addRowToTable(new DefaultRow(row.getKey(), BooleanCellFactory.create(anomaly)));
                } else {
                    (anomaly ? first : second).addRowToTable(row);
                }
                i++;
                if (i % 1024 == 0) {
                    progress.checkCanceled();
                    progress.setProgress(i / (double)scores.length);
                }
            }
        }
        first.close();
        second.close();
        BufferedDataTable firstTable =
            append ? exec.createJoinedTable(table, first.getTable(), exec.createSubProgress(0.1)) : first.getTable();

        pushFlowVariableDouble(FLOW_THRESHOLD, threshold);
        pushFlowVariableInt(FLOW_ANOMALY_COUNT, anomalies);
        pushFlowVariableString(FLOW_RULE, rule.describe());
        exec.setMessage(String.format(Locale.ROOT, "Threshold %.6g (%s): %d anomalies in %d rows", threshold,
            rule.describe(), anomalies, scores.length));
        m_histogram = ScoreHistogram.of(scores, threshold);
        byte[] png = Charts.png(HistogramChart.create(m_histogram, false));
        return new PortObject[]{firstTable, second.getTable(),
            new ImagePortObject(new PNGImageContent(png), IMAGE_SPEC)};
    }

    private static double[] readScores(final BufferedDataTable table, final int scoreIndex,
        final MissingScores missing, final ExecutionMonitor exec) throws Exception {
        if (table.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The table has " + table.size() + " rows; the Threshold Filter "
                + "handles at most " + (Integer.MAX_VALUE - 8) + ".");
        }
        double[] scores = new double[(int)table.size()];
        String column = table.getDataTableSpec().getColumnSpec(scoreIndex).getName();
        int i = 0;
        // only the score column is read
        try (CloseableRowIterator rows = table.filter(TableRows.only(new int[]{scoreIndex})).iterator()) {
            while (rows.hasNext()) {
                DataRow row = rows.next();
                DataCell cell = row.getCell(scoreIndex);
                double value = cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("Row \"" + row.getKey() + "\" has an infinite score (" + value
                        + " in \"" + column + "\"), so no threshold can be computed. Remove or replace infinite "
                        + "scores before this node.");
                }
                if (Double.isNaN(value) && missing == MissingScores.FAIL) {
                    throw new IllegalArgumentException("Row \"" + row.getKey() + "\" has no score (missing cell in \""
                        + column + "\"). Choose how to treat missing scores in the dialog, or remove those rows.");
                }
                // a NaN number counts as a missing score (documented in the node description)
                scores[i++] = value;
                if (i % 4096 == 0) {
                    exec.checkCanceled();
                    exec.setProgress(i / (double)scores.length);
                }
            }
        }
        return scores;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.saveTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.loadFrom(settings);
    }

    @Override
    protected void reset() {
        m_histogram = null;
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        m_histogram = ScoreHistogramInternals.load(nodeInternDir);
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        if (m_histogram != null) {
            ScoreHistogramInternals.save(m_histogram, nodeInternDir);
        }
    }

    /** @return the histogram of the last execution, for the view; null when not executed */
    ScoreHistogram histogram() {
        return m_histogram;
    }
}
