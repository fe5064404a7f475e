package org.aedetect.autoencoder.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The DL4J version on the class path, read from its Maven metadata so it never goes stale. */
final class Dl4jVersion {

    private static final String POM_PROPERTIES =
        "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";

    private Dl4jVersion() {
    }

    /** e.g. "1.0.0-M2.1", or "unknown" if the metadata is missing. */
    static String current() {
        try (InputStream in = MultiLayerNetwork.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            final Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
