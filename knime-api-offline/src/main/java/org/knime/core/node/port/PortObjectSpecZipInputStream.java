package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * Offline stand-in for KNIME's PortObjectSpecZipInputStream (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectSpecZipInputStream.java); behaviour simplified for tests.
 */
public class PortObjectSpecZipInputStream extends ZipInputStream {

    PortObjectSpecZipInputStream(final InputStream stream) {
        super(stream);
    }
}
