package org.knime.core.data;

/**
 * Offline stand-in for KNIME's DataValue (knime-core org.knime.core/src/eclipse/org/knime/core/data/DataValue.java); behaviour simplified for tests.
 */
public interface DataValue {
}
