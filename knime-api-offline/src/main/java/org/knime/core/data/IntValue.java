package org.knime.core.data;

/**
 * Offline stand-in for KNIME's IntValue (knime-core org.knime.core/src/eclipse/org/knime/core/data/IntValue.java); behaviour simplified for tests.
 */
public interface IntValue extends DataValue {

    /** @return the value */
    int getIntValue();
}
