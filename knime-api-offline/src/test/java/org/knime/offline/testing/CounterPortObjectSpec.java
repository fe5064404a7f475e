package org.knime.offline.testing;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** A spec for the round-trip tests: a name. */
public final class CounterPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Serializer, registered in the test plugin.xml. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<CounterPortObjectSpec> {
    }

    private String m_name;

    /** For the serializer. */
    public CounterPortObjectSpec() {
    }

    CounterPortObjectSpec(final String name) {
        m_name = name;
    }

    String name() {
        return m_name;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("name", m_name);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_name = model.getString("name");
    }
}
