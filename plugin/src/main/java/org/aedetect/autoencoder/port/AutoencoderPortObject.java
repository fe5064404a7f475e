package org.aedetect.autoencoder.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JTextArea;

import org.aedetect.autoencoder.engine.TrainedAutoencoder;
import org.aedetect.autoencoder.prefs.BackendPreference;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A trained autoencoder travelling between nodes. It is saved with the workflow as the engine's binary model
 * file (one zip entry), not as XML settings; the spec travels separately, as KNIME saves specs and objects
 * apart.
 */
public final class AutoencoderPortObject extends AbstractPortObject {

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(AutoencoderPortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(AutoencoderPortObject.class, true);

    /** Name of the zip entry holding the engine's model file; never change it (saved workflows use it). */
    static final String MODEL_ENTRY = "autoencoder-model.bin";

    private AutoencoderPortObjectSpec m_spec;

    private TrainedAutoencoder m_model;

    /** Public no-arg constructor, needed by KNIME's serializer. */
    public AutoencoderPortObject() {
    }

    /**
     * @param spec the trained spec
     * @param model the model
     */
    public AutoencoderPortObject(final AutoencoderPortObjectSpec spec, final TrainedAutoencoder model) {
        m_spec = spec;
        m_model = model;
    }

    /** @return the trained model */
    public TrainedAutoencoder getModel() {
        return m_model;
    }

    @Override
    public AutoencoderPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return "Autoencoder " + m_spec.architecture() + " on " + m_spec.getColumnNames().size() + " columns, trained on "
            + m_spec.getBackend();
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(String.join("\n", m_spec.describe()));
        text.setEditable(false);
        text.setName("Autoencoder");
        return new JComponent[]{text};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // the model is written in one piece (DL4J's serializer has no cancel hook): check before starting
        exec.checkCanceled();
        out.putNextEntry(new ZipEntry(MODEL_ENTRY));
        m_model.save(out);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null || !MODEL_ENTRY.equals(entry.getName())) {
            throw new IOException("The saved autoencoder model is incomplete (no entry \"" + MODEL_ENTRY
                + "\"). Re-execute the Autoencoder Learner to recreate it.");
        }
        // start ND4J with the user's backend choice before the model file touches it
        BackendPreference.initializeEngine(null);
        try {
            m_model = TrainedAutoencoder.load(in);
        } catch (IOException e) {
            throw new IOException("The saved autoencoder model cannot be read: " + e.getMessage()
                + " Re-execute the Autoencoder Learner to recreate it.", e);
        }
        if (!(spec instanceof AutoencoderPortObjectSpec)) {
            throw new IOException("The saved autoencoder model has no matching spec (found "
                + (spec == null ? "none" : spec.getClass().getSimpleName()) + ").");
        }
        m_spec = (AutoencoderPortObjectSpec)spec;
        if (!m_spec.getColumnNames().equals(m_model.columnNames())) {
            throw new IOException("The saved autoencoder model and its spec disagree on the input columns ("
                + m_model.columnNames() + " vs " + m_spec.getColumnNames() + "). Re-execute the Autoencoder Learner.");
        }
    }

    /** KNIME's serializer for this port object; registered in plugin.xml. */
    public static final class Serializer extends AbstractPortObjectSerializer<AutoencoderPortObject> {
    }
}
