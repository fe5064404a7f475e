package org.aedetect.autoencoder.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Trains a tiny network through the built bundle's class loader inside a real Equinox framework,
 * with the Linux native fragment installed. This is where JavaCPP native loading and ND4J's
 * ServiceLoader-based backend discovery break inside KNIME if the layout is wrong.
 */
class OsgiNativeLoadingIT {

    private static final String SELF_CHECK = "org.aedetect.autoencoder.engine.NativeSelfCheck";

    @Test
    void bundleLoadsNd4jCpuBackendAndTrainsInsideEquinox() throws Throwable {
        try (EquinoxHarness osgi = new EquinoxHarness("cpu", List.of("linux-x86_64"))) {
            assertEquals(osgi.bundle().adapt(BundleWiring.class).getClassLoader(),
                osgi.bundle().loadClass(SELF_CHECK).getClassLoader(), "the engine must load from the bundle");
            @SuppressWarnings("unchecked")
            final Map<String, String> result = (Map<String, String>)osgi.call(SELF_CHECK, "run");

            assertEquals("CPU", result.get("backend"));
            assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", result.get("nd4jBackendClass"));
            final double before = Double.parseDouble(result.get("lossBefore"));
            final double after = Double.parseDouble(result.get("lossAfter"));
            assertTrue(after < before * 0.5, "training inside OSGi did not reduce the loss: " + result);
        }
    }
}
