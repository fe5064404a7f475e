package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * Offline stand-in for KNIME's SettingsModelLongBounded (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/SettingsModelLongBounded.java); behaviour simplified for tests.
 */
public class SettingsModelLongBounded extends SettingsModelLong {

    private final long m_minValue;

    private final long m_maxValue;

    /**
     * @param configName settings key
     * @param defaultValue initial value
     * @param minValue lower bound (inclusive)
     * @param maxValue upper bound (inclusive)
     */
    public SettingsModelLongBounded(final String configName, final long defaultValue, final long minValue,
        final long maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
        try {
            checkBounds(defaultValue);
        } catch (IllegalArgumentException iae) {
            throw new IllegalArgumentException("InitialValue: " + iae.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelLongBounded createClone() {
        return new SettingsModelLongBounded(getConfigName(), getLongValue(), m_minValue, m_maxValue);
    }

    /** @return the lower bound */
    public long getLowerBound() {
        return m_minValue;
    }

    /** @return the upper bound */
    public long getUpperBound() {
        return m_maxValue;
    }

    @Override
    protected void validateValue(final long value) throws InvalidSettingsException {
        super.validateValue(value);
        try {
            checkBounds(value);
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage());
        }
    }

    @Override
    public void setLongValue(final long newValue) {
        checkBounds(newValue);
        super.setLongValue(newValue);
    }

    private void checkBounds(final long val) {
        if (val < m_minValue || m_maxValue < val) {
            throw new IllegalArgumentException(
                "Value (=" + val + ") must be within the range [" + m_minValue + "..." + m_maxValue + "].");
        }
    }
}
