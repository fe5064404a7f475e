package org.aedetect.autoencoder.prefs;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;

/** Sets the backend preference's default (Auto); registered in plugin.xml. */
public final class BackendPreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        DefaultScope.INSTANCE.getNode(BackendPreference.QUALIFIER).put(BackendPreference.KEY_BACKEND,
            BackendPreference.DEFAULT_BACKEND);
    }
}
