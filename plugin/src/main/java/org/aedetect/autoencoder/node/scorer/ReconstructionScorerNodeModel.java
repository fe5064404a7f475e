package org.aedetect.autoencoder.node.scorer;

import java.io.File;

import org.aedetect.autoencoder.node.InputKeyedContainer;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.aedetect.autoencoder.port.AutoencoderPortObjectSpec;
import org.aedetect.autoencoder.prefs.BackendPreference;
import org.knime.core.data.DataTableSpec;
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
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * Reconstruction Scorer: appends each row's reconstruction error (and optionally per-column errors and its
 * percentile among the training errors) to a table. Output spec known at configure time from the model spec;
 * streamable and distributable on the table port.
 */
final class ReconstructionScorerNodeModel extends NodeModel {

    /** Share of the progress for scoring; the rest is for joining the scores to the input (a check of its keys). */
    private static final double SCORING_PROGRESS = 0.95;

    private final ScorerSettings m_settings = new ScorerSettings();

    ReconstructionScorerNodeModel() {
        super(new PortType[]{AutoencoderPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec table = (DataTableSpec)inSpecs[1];
        ScoreColumns columns = ScoreColumns.of((AutoencoderPortObjectSpec)inSpecs[0], table, m_settings);
        return new PortObjectSpec[]{columns.outputSpec(table)};
    }

    /**
     * Writes only the score columns, one row per input row under the same key, and joins them to the input:
     * the input's cells are neither copied nor written again, as KNIME's append-nodes do.
     */
    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        AutoencoderPortObject model = (AutoencoderPortObject)inObjects[0];
        BufferedDataTable table = (BufferedDataTable)inObjects[1];
        ScoreColumns columns = ScoreColumns.of(model.getSpec(), table.getDataTableSpec(), m_settings);
        BatchScorer scorer = scorer(model, columns);
        // the score rows carry the input's keys, and the join checks each against the input's
        BufferedDataContainer scores = InputKeyedContainer.create(exec, columns.appendedSpec());
        scorer.scores(table, scores, exec.createSubExecutionContext(SCORING_PROGRESS));
        scores.close();
        BufferedDataTable out =
            exec.createJoinedTable(table, scores.getTable(), exec.createSubProgress(1 - SCORING_PROGRESS));
        warn(scorer);
        return new PortObject[]{out};
    }

    private BatchScorer scorer(final AutoencoderPortObject model, final ScoreColumns columns)
        throws InvalidSettingsException {
        BackendPreference.initializeEngine(null);
        return new BatchScorer(model.getModel(), columns, m_settings.metric());
    }

    /** Sets the node's warning if rows got missing scores. */
    private void warn(final BatchScorer scorer) {
        StringBuilder warning = new StringBuilder();
        if (scorer.missingRows() > 0) {
            warning.append(scorer.missingRows() + " row(s) have missing values in the model's columns and got "
                + "missing scores. To score them, train the model with missing values set to \"Impute column "
                + "mean\".");
        }
        if (scorer.unscorableRows() > 0) {
            warning.append(warning.length() > 0 ? "\n" : "").append(scorer.unscorableRows() + " row(s) have values "
                + "so far outside the training data that the network's arithmetic overflowed; they got missing "
                + "scores. Check those rows for unit or data-entry errors.");
        }
        if (warning.length() > 0) {
            setWarningMessage(warning.toString());
        }
    }

    @Override
    public InputPortRole[] getInputPortRoles() {
        return new InputPortRole[]{InputPortRole.NONDISTRIBUTED_NONSTREAMABLE, InputPortRole.DISTRIBUTED_STREAMABLE};
    }

    @Override
    public OutputPortRole[] getOutputPortRoles() {
        return new OutputPortRole[]{OutputPortRole.DISTRIBUTED};
    }

    @Override
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
                throws Exception {
                AutoencoderPortObject model = (AutoencoderPortObject)((PortObjectInput)inputs[0]).getPortObject();
                RowInput in = (RowInput)inputs[1];
                ScoreColumns columns = ScoreColumns.of(model.getSpec(), in.getDataTableSpec(), m_settings);
                BatchScorer scorer = scorer(model, columns);
                scorer.append(in, (RowOutput)outputs[0], exec);
                warn(scorer);
            }
        };
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
        // nothing kept between executions
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // no internals
    }
}
