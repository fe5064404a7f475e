package org.aedetect.autoencoder.node.learner;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.aedetect.autoencoder.engine.AutoencoderSpec;
import org.aedetect.autoencoder.engine.AutoencoderTrainer;
import org.aedetect.autoencoder.engine.EpochEvent;
import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.engine.TrainingCanceledException;
import org.aedetect.autoencoder.engine.backend.BackendChoice;
import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.node.TableRows;
import org.aedetect.autoencoder.port.AutoencoderPortObject;
import org.aedetect.autoencoder.port.AutoencoderPortObjectSpec;
import org.aedetect.autoencoder.prefs.BackendPreference;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Autoencoder Learner: trains the engine's autoencoder on the selected numeric columns and outputs the model and
 * the per-epoch training history. Rows are streamed from the table into the trainer, never copied by the node.
 */
final class AutoencoderLearnerNodeModel extends NodeModel {

    static final String FLOW_TRAINING_LOSS = "autoencoder_training_loss";

    static final String FLOW_VALIDATION_LOSS = "autoencoder_validation_loss";

    static final String FLOW_EPOCHS = "autoencoder_epochs";

    static final String FLOW_BACKEND = "autoencoder_backend";

    private final LearnerSettings m_settings = new LearnerSettings();

    /** Shown by the view; kept in the internals. Empty until executed. */
    private List<EpochEvent> m_history = List.of();

    AutoencoderLearnerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE},
            new PortType[]{AutoencoderPortObject.TYPE, BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        List<String> columns = m_settings.selectedColumns(in);
        AutoencoderSpec spec = m_settings.toSpec();
        String[] missing = m_settings.missingIncludedColumns(in);
        List<String> absent = new java.util.ArrayList<>();
        List<String> notNumeric = new java.util.ArrayList<>();
        for (String name : missing) {
            (in.containsName(name) ? notNumeric : absent).add(name);
        }
        List<String> warnings = new java.util.ArrayList<>();
        if (!absent.isEmpty()) {
            warnings.add("Selected columns not in the input table are ignored: " + String.join(", ", absent));
        }
        if (!notNumeric.isEmpty()) {
            warnings.add("Selected columns that are not numeric are ignored (the autoencoder learns numbers only; "
                + "convert them first): " + String.join(", ", notNumeric));
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        return new PortObjectSpec[]{AutoencoderPortObjectSpec.untrained(in, columns, spec), TrainingHistoryTable.SPEC};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        DataTableSpec in = table.getDataTableSpec();
        List<String> columns = m_settings.selectedColumns(in);
        AutoencoderSpec spec = m_settings.toSpec();
        BackendChoice backend = m_settings.backend();
        BackendInfo requested = BackendPreference.initializeEngine(backend);
        exec.setMessage("Training on " + requested.describe());
        TrainedAutoencoder model;
        try {
            model = new AutoencoderTrainer().train(spec, new TableRows(table, columns), new EpochProgress(exec, spec.epochs()));
        } catch (TrainingCanceledException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
        reportWarnings(requested, model);
        pushResults(model);
        m_history = List.copyOf(model.history());
        return new PortObject[]{new AutoencoderPortObject(AutoencoderPortObjectSpec.trained(in, model), model),
            TrainingHistoryTable.create(model.history(), model.backend().describe(), exec)};
    }

    private void reportWarnings(final BackendInfo requested, final TrainedAutoencoder model) {
        Set<String> warnings = new LinkedHashSet<>(requested.warnings());
        warnings.addAll(model.warnings());
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
    }

    private void pushResults(final TrainedAutoencoder model) {
        List<EpochEvent> history = model.history();
        if (!history.isEmpty()) {
            EpochEvent last = history.get(history.size() - 1);
            pushFlowVariableDouble(FLOW_TRAINING_LOSS, last.trainingLoss());
            pushFlowVariableDouble(FLOW_VALIDATION_LOSS, last.validationLoss());
        }
        pushFlowVariableInt(FLOW_EPOCHS, history.size());
        pushFlowVariableString(FLOW_BACKEND, model.backend().describe());
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
        m_history = List.of();
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        m_history = TrainingHistoryInternals.load(nodeInternDir);
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        TrainingHistoryInternals.save(m_history, nodeInternDir);
    }

    /** @return the epochs of the last execution, for the view; empty when not executed */
    List<EpochEvent> history() {
        return m_history;
    }
}
