package org.aedetect.autoencoder.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.aedetect.autoencoder.engine.backend.BackendChoice;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class BackendPreferenceTest {

    @Test
    void systemPropertyWinsAndAutoIsTheDefaultWithoutAPreferenceService() {
        String previous = System.getProperty(Nd4jRuntime.BACKEND_PROPERTY);
        try {
            System.setProperty(Nd4jRuntime.BACKEND_PROPERTY, "cpu");
            assertEquals(BackendChoice.CPU, BackendPreference.current());
            System.clearProperty(Nd4jRuntime.BACKEND_PROPERTY);
            assertEquals(BackendChoice.AUTO, BackendPreference.current());
        } finally {
            if (previous == null) {
                System.clearProperty(Nd4jRuntime.BACKEND_PROPERTY);
            } else {
                System.setProperty(Nd4jRuntime.BACKEND_PROPERTY, previous);
            }
        }
    }

    @Test
    void pageChoicesAreTheEngineChoices() {
        assertEquals(java.util.EnumSet.allOf(BackendChoice.class), java.util.Arrays.stream(BackendPreference.CHOICES)
            .map(BackendChoice::parse).collect(java.util.stream.Collectors.toCollection(
                () -> java.util.EnumSet.noneOf(BackendChoice.class))), "each page value is one engine choice");
        assertEquals(BackendChoice.values().length, BackendPreference.CHOICES.length);
    }

    @Test
    void pageAndInitializerAreRegisteredInPluginXml() throws Exception {
        Document plugin;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("plugin.xml")) {
            plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Element page = (Element)plugin.getElementsByTagName("page").item(0);
        assertEquals("org.knime.workbench.ui.preferences", page.getAttribute("category"));
        assertEquals(BackendPreferencePage.class.getName(), page.getAttribute("class"));
        Element initializer = (Element)plugin.getElementsByTagName("initializer").item(0);
        assertEquals(BackendPreferenceInitializer.class.getName(), initializer.getAttribute("class"));
        assertTrue(org.eclipse.jface.preference.PreferencePage.class.isAssignableFrom(BackendPreferencePage.class));
    }
}
