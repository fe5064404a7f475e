package org.knime.core.data;

/**
 * Offline stand-in for KNIME's StringValue (knime-core org.knime.core/src/eclipse/org/knime/core/data/StringValue.java); behaviour simplified for tests.
 */
public interface StringValue extends DataValue {

    /** @return the value */
    String getStringValue();
}
