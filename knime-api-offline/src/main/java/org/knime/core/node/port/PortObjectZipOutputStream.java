package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/**
 * Offline stand-in for KNIME's PortObjectZipOutputStream (knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectZipOutputStream.java); behaviour simplified for tests.
 */
public class PortObjectZipOutputStream extends ZipOutputStream {

    PortObjectZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
