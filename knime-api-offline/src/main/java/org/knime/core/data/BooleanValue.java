package org.knime.core.data;

/**
 * Offline stand-in for KNIME's BooleanValue (knime-core org.knime.core/src/eclipse/org/knime/core/data/BooleanValue.java); behaviour simplified for tests.
 */
public interface BooleanValue extends DataValue {

    /** @return the value */
    boolean getBooleanValue();
}
