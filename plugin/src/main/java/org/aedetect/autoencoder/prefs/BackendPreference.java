package org.aedetect.autoencoder.prefs;

import java.util.Locale;

import org.aedetect.autoencoder.engine.backend.BackendChoice;
import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * The backend (Auto, CPU or CUDA) chosen for this KNIME installation, and the one way the nodes start ND4J with it.
 * A {@code -Daedetect.backend=...} system property (e.g. in knime.ini) wins over the preference page, so that
 * batch runs and tests can choose without a workspace. ND4J binds its backend once per JVM: a change takes effect
 * on the next start if ND4J already runs (the engine then warns).
 */
public final class BackendPreference {

    /** Preference node (the bundle's symbolic name). */
    public static final String QUALIFIER = "org.aedetect.autoencoder";

    /** Preference key of the backend; values "Auto", "CPU", "CUDA". Never change (stored in workspaces). */
    public static final String KEY_BACKEND = "backend";

    /** The default preference value. */
    public static final String DEFAULT_BACKEND = "Auto";

    /** Values offered on the page, in order. */
    static final String[] CHOICES = {"Auto", "CPU", "CUDA"};

    private BackendPreference() {
    }

    /**
     * @return the system property if set, else the preference (Auto by default, also where no Eclipse preference
     *         service runs, e.g. in unit tests)
     */
    public static BackendChoice current() {
        String property = System.getProperty(Nd4jRuntime.BACKEND_PROPERTY);
        if (property != null && !property.isBlank()) {
            return BackendChoice.parse(property);
        }
        return BackendChoice.parse(stored());
    }

    private static String stored() {
        try {
            String fallback = DefaultScope.INSTANCE.getNode(QUALIFIER).get(KEY_BACKEND, DEFAULT_BACKEND);
            return InstanceScope.INSTANCE.getNode(QUALIFIER).get(KEY_BACKEND, fallback);
        } catch (RuntimeException | LinkageError e) {
            // no Eclipse preference service (plain JVM): the default applies
            return DEFAULT_BACKEND;
        }
    }

    /**
     * Starts ND4J (once per JVM) with the node's explicit choice, or with {@link #current()} when the node defers
     * to the preference. Call before any engine work so that ND4J never starts with another choice.
     *
     * @param nodeChoice the node's own choice, or null for the preference
     * @return what runs, with warnings if the request could not be met
     */
    public static BackendInfo initializeEngine(final BackendChoice nodeChoice) {
        return Nd4jRuntime.initialize(nodeChoice != null ? nodeChoice : current());
    }

    /** @return the lower-case name of the choice, for messages */
    static String describe(final BackendChoice choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }
}
