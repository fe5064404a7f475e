package org.knime.core.data;

/**
 * Offline stand-in for KNIME's MissingValue (knime-core org.knime.core/src/eclipse/org/knime/core/data/MissingValue.java); behaviour simplified for tests.
 */
public interface MissingValue extends DataValue {

    /** @return the value */
    String getError();
}
