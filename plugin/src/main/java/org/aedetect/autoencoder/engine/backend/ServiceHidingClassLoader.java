package org.aedetect.autoencoder.engine.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Delegates everything to its parent, except that ServiceLoader registration files naming a class
 * under a hidden package prefix are left out. ND4J picks its backend with a ServiceLoader sorted by
 * priority (CUDA before CPU); hiding the CUDA registration is the only in-process way to choose the
 * CPU when both backends are installed.
 */
final class ServiceHidingClassLoader extends ClassLoader {

    private final String hiddenPrefix;

    ServiceHidingClassLoader(final ClassLoader parent, final String hiddenPrefix) {
        super(parent);
        this.hiddenPrefix = hiddenPrefix;
    }

    @Override
    public Enumeration<URL> getResources(final String name) throws IOException {
        final Enumeration<URL> all = super.getResources(name);
        if (!name.startsWith("META-INF/services/")) {
            return all;
        }
        final List<URL> kept = new ArrayList<>();
        for (final URL url : Collections.list(all)) {
            if (!registersHiddenClass(url)) {
                kept.add(url);
            }
        }
        return Collections.enumeration(kept);
    }

    private boolean registersHiddenClass(final URL url) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).anyMatch(line -> line.startsWith(hiddenPrefix));
        }
    }
}
