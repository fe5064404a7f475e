package org.aedetect.autoencoder.prefs;

import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * KNIME preference page "Autoencoder Backend" (under KNIME's preferences): Auto, CPU or CUDA. ND4J cannot switch
 * backends in a running KNIME, so a change made after a model was trained, scored or loaded takes effect on the
 * next start; the page says so when that is the case.
 */
public final class BackendPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** Creates the page. */
    public BackendPreferencePage() {
        super(GRID);
        setDescription("Where the Autoencoder nodes compute. Auto uses an NVIDIA GPU when the optional GPU feature "
            + "is installed and the GPU is usable, and the CPU otherwise. The nodes' own \"Backend\" option can "
            + "override this. ND4J picks the backend once per KNIME session: a change takes effect on the next "
            + "start if a model was already trained, scored or loaded.");
    }

    @Override
    public void init(final IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, BackendPreference.QUALIFIER));
    }

    @Override
    protected void createFieldEditors() {
        String[][] labelsAndValues = new String[BackendPreference.CHOICES.length][];
        for (int i = 0; i < labelsAndValues.length; i++) {
            String value = BackendPreference.CHOICES[i];
            labelsAndValues[i] = new String[]{value, value}; // the stored values read as labels
        }
        addField(new RadioGroupFieldEditor(BackendPreference.KEY_BACKEND, "Backend", 1, labelsAndValues,
            getFieldEditorParent(), true));
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        BackendInfo running = Nd4jRuntime.current();
        if (ok && running != null && !running.requested().equals(BackendPreference.current())) {
            MessageDialog.openInformation(getShell(), "Autoencoder Backend", "This KNIME session already computes on "
                + running.backend() + ". The new choice (" + BackendPreference.describe(BackendPreference.current())
                + ") takes effect after restarting KNIME.");
        }
        return ok;
    }
}
