package org.aedetect.autoencoder.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link CompatibilityFixture} from the build, where the test classpath is at hand; skipped unless asked:
 * {@code ./mvnw -o -pl plugin -am test -Dtest=CompatibilityFixtureWriter -Dsurefire.failIfNoSpecifiedTests=false
 * -Daedetect.writeFixture=$PWD/plugin/src/test/resources/org/aedetect/autoencoder/engine/compat}.
 */
class CompatibilityFixtureWriter {

    @Test
    @EnabledIfSystemProperty(named = "aedetect.writeFixture", matches = ".+")
    void write() throws Exception {
        CompatibilityFixture.main(new String[] {System.getProperty("aedetect.writeFixture")});
    }
}
