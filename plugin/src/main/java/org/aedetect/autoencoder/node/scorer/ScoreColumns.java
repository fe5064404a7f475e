package org.aedetect.autoencoder.node.scorer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.aedetect.autoencoder.port.AutoencoderPortObjectSpec;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.InvalidSettingsException;

/**
 * The columns the scorer reads (the model's input columns, found by name in any order) and appends (the error,
 * optionally one error per model column and the percentile among the training errors), checked against the
 * input table.
 */
final class ScoreColumns {

    private final List<String> m_modelColumns;

    private final int[] m_inputIndices;

    private final DataColumnSpec[] m_appended;

    private final boolean m_columnErrors;

    private final boolean m_percentile;

    /** All columns of the input table, the model's and the others. */
    private final int m_inputColumnCount;

    private ScoreColumns(final List<String> modelColumns, final int[] inputIndices, final DataColumnSpec[] appended,
        final boolean columnErrors, final boolean percentile, final int inputColumnCount) {
        m_modelColumns = modelColumns;
        m_inputIndices = inputIndices;
        m_appended = appended;
        m_columnErrors = columnErrors;
        m_percentile = percentile;
        m_inputColumnCount = inputColumnCount;
    }

    /**
     * @param model the model spec
     * @param input the table to score
     * @param settings the scorer settings
     * @return the columns
     * @throws InvalidSettingsException if a model column is missing or not numeric, or a new column name is taken
     */
    static ScoreColumns of(final AutoencoderPortObjectSpec model, final DataTableSpec input,
        final ScorerSettings settings) throws InvalidSettingsException {
        if (model == null) {
            throw new InvalidSettingsException("No autoencoder model at the first input. Connect the model output "
                + "of an Autoencoder Learner.");
        }
        List<String> modelColumns = model.getColumnNames();
        int[] indices = new int[modelColumns.size()];
        for (int i = 0; i < indices.length; i++) {
            String name = modelColumns.get(i);
            indices[i] = input.findColumnIndex(name);
            if (indices[i] < 0) {
                throw new InvalidSettingsException("The input table has no column \"" + name + "\", which the model "
                    + "was trained on. The table must contain all " + modelColumns.size() + " model columns ("
                    + String.join(", ", modelColumns) + "); rename or add the column.");
            }
            DataColumnSpec col = input.getColumnSpec(indices[i]);
            if (!col.getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("Column \"" + name + "\" is of type " + col.getType().getName()
                    + " in the input table, but the model was trained on it as a number (type "
                    + model.getColumnTypeNames().get(i) + "). Convert the column to a number.");
            }
        }
        String error = settings.errorColumn();
        List<DataColumnSpec> appended = new ArrayList<>();
        appended.add(doubleColumn(error));
        if (settings.appendColumnErrors()) {
            modelColumns.forEach(c -> appended.add(doubleColumn(columnErrorName(error, c))));
        }
        if (settings.appendPercentile()) {
            appended.add(doubleColumn(percentileName(error)));
        }
        Set<String> names = new HashSet<>(List.of(input.getColumnNames()));
        for (DataColumnSpec c : appended) {
            if (!names.add(c.getName())) {
                throw new InvalidSettingsException("The input table already has a column \"" + c.getName()
                    + "\". Choose another name for the reconstruction error column.");
            }
        }
        return new ScoreColumns(modelColumns, indices, appended.toArray(new DataColumnSpec[0]),
            settings.appendColumnErrors(), settings.appendPercentile(), input.getNumColumns());
    }

    static String columnErrorName(final String errorColumn, final String modelColumn) {
        return errorColumn + " (" + modelColumn + ")";
    }

    static String percentileName(final String errorColumn) {
        return errorColumn + " percentile";
    }

    private static DataColumnSpec doubleColumn(final String name) {
        return new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec();
    }

    /** @param input the input spec @return the output spec: input columns then the appended ones */
    DataTableSpec outputSpec(final DataTableSpec input) {
        return new DataTableSpec(input, appendedSpec());
    }

    /** @return the spec of the appended columns alone, in their output order */
    DataTableSpec appendedSpec() {
        return new DataTableSpec(m_appended);
    }

    int[] inputIndices() {
        return m_inputIndices.clone();
    }

    int modelColumnCount() {
        return m_modelColumns.size();
    }

    /** @return the number of columns of the input table, the model's and the others */
    int inputColumnCount() {
        return m_inputColumnCount;
    }

    boolean columnErrors() {
        return m_columnErrors;
    }

    boolean percentile() {
        return m_percentile;
    }

    int appendedCount() {
        return m_appended.length;
    }
}
