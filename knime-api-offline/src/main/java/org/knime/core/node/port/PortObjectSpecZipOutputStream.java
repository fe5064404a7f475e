package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/**
 * Offline stand-in for KNIME's PortObjectSpecZipOutputStream (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectSpecZipOutputStream.java); behaviour simplified for tests.
 */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {

    PortObjectSpecZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
