package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * Offline stand-in for KNIME's PortObjectZipInputStream (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectZipInputStream.java); behaviour simplified for tests.
 */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
