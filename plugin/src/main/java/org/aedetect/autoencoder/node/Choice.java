package org.aedetect.autoencoder.node;

import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;

/**
 * The labels a dialog shows for the values of an enum, in dialog order. The labels are what the settings
 * store, so they must never change once shipped.
 *
 * @param <E> the enum
 */
public final class Choice<E extends Enum<E>> {

    private final String m_what;

    private final Map<String, E> m_byLabel = new LinkedHashMap<>();

    /** @param what what is being chosen, for error messages (e.g. "hidden activation") */
    public Choice(final String what) {
        m_what = what;
    }

    /**
     * @param label the label shown and stored
     * @param value the value
     * @return this
     */
    public Choice<E> add(final String label, final E value) {
        m_byLabel.put(label, value);
        return this;
    }

    /** @return the labels in dialog order */
    public String[] labels() {
        return m_byLabel.keySet().toArray(new String[0]);
    }

    /**
     * @param label a stored label
     * @return its value
     * @throws InvalidSettingsException if the label is unknown
     */
    public E parse(final String label) throws InvalidSettingsException {
        E value = m_byLabel.get(label);
        if (value == null) {
            throw new InvalidSettingsException("Unknown " + m_what + " \"" + label + "\"; choose one of: "
                + String.join(", ", m_byLabel.keySet()) + ".");
        }
        return value;
    }

    /**
     * @param value a value
     * @return its label
     */
    public String label(final E value) {
        return m_byLabel.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No label for " + value));
    }
}
