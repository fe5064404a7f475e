package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.NameFilterConfiguration;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Offline stand-in for KNIME's SettingsModelColumnFilter2 (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelColumnFilter2.java);
 * behaviour simplified for tests: include/exclude lists with enforce option plus an optional value-type filter.
 * Columns not compatible with the allowed types are neither included nor excluded, as in KNIME.
 */
public final class SettingsModelColumnFilter2 extends SettingsModel {

    private final String m_configName;

    private final Class<? extends DataValue>[] m_allowedTypes;

    private Filter m_filter;

    /** The include/exclude lists; applyTo is protected in KNIME's class, exposed here to this model. */
    private static final class Filter extends NameFilterConfiguration {
        Filter(final String configName) {
            super(configName);
        }

        FilterResult apply(final String[] names) {
            return applyTo(names);
        }

        @Override
        public Filter clone() {
            return (Filter)super.clone();
        }
    }

    /** @param configName settings key */
    @SuppressWarnings("unchecked")
    public SettingsModelColumnFilter2(final String configName) {
        this(configName, new Class[0]);
    }

    /**
     * @param configName settings key
     * @param allowedTypes the value types a column must be compatible with (any, if empty)
     */
    @SafeVarargs
    public SettingsModelColumnFilter2(final String configName, final Class<? extends DataValue>... allowedTypes) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
        m_allowedTypes = allowedTypes.clone();
        m_filter = new Filter(configName);
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelColumnFilter2 createClone() {
        SettingsModelColumnFilter2 clone = new SettingsModelColumnFilter2(m_configName, m_allowedTypes);
        clone.m_filter = m_filter.clone();
        return clone;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_columnfilter";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /**
     * @param inSpec the input spec
     * @return includes and excludes among the type-compatible columns, in input order
     */
    public FilterResult applyTo(final DataTableSpec inSpec) {
        String[] candidates = inSpec.stream().filter(this::isAllowed).map(DataColumnSpec::getName)
            .toArray(String[]::new);
        return m_filter.apply(candidates);
    }

    private boolean isAllowed(final DataColumnSpec col) {
        return m_allowedTypes.length == 0 || Arrays.stream(m_allowedTypes).anyMatch(t -> col.getType().isCompatible(t));
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            // keep the current configuration
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        new Filter(m_configName).loadConfigurationInModel(settings);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        Filter f = new Filter(m_configName);
        f.loadConfigurationInModel(settings);
        m_filter = f;
        notifyChangeListeners();
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        m_filter.saveConfiguration(settings);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
