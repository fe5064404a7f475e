package org.knime.offline.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A binary port object for the round-trip tests: a spec and a count. */
public final class CounterPortObject extends AbstractPortObject {

    static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(CounterPortObject.class);

    /** Serializer, registered in the test plugin.xml. */
    public static final class Serializer extends AbstractPortObjectSerializer<CounterPortObject> {
    }

    private CounterPortObjectSpec m_spec;

    private long m_count;

    /** For the serializer. */
    public CounterPortObject() {
    }

    CounterPortObject(final CounterPortObjectSpec spec, final long count) {
        m_spec = spec;
        m_count = count;
    }

    long count() {
        return m_count;
    }

    @Override
    public String getSummary() {
        return m_spec.name() + ": " + m_count;
    }

    @Override
    public CounterPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
        out.putNextEntry(new ZipEntry("count"));
        new DataOutputStream(out).writeLong(m_count);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !"count".equals(e.getName())) {
            throw new IOException("Expected entry 'count'");
        }
        m_count = new DataInputStream(in).readLong();
        m_spec = (CounterPortObjectSpec)spec;
    }
}
