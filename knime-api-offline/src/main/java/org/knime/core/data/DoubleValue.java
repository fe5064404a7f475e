package org.knime.core.data;

/**
 * Offline stand-in for KNIME's DoubleValue (knime-core org.knime.core/src/eclipse/org/knime/core/data/DoubleValue.java); behaviour simplified for tests.
 */
public interface DoubleValue extends DataValue {

    /** @return the value */
    double getDoubleValue();
}
