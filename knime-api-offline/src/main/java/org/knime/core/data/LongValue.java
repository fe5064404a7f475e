package org.knime.core.data;

/**
 * Offline stand-in for KNIME's LongValue (knime-core org.knime.core/src/eclipse/org/knime/core/data/LongValue.java); behaviour simplified for tests.
 */
public interface LongValue extends DataValue {

    /** @return the value */
    long getLongValue();
}
