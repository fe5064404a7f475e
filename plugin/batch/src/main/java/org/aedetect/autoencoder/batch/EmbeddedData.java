package org.aedetect.autoencoder.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The default data set used when no --input is given: Breast Cancer Wisconsin (Diagnostic), UCI, CC BY
 * 4.0, with the malignant class thinned to 22 of 379 rows (see data/NOTICE.md next to the file).
 */
final class EmbeddedData {

    static final String RESOURCE = "data/breast-cancer-wisconsin-anomaly.csv";

    static final String DESCRIPTION = "embedded Breast Cancer Wisconsin (Diagnostic) data set, UCI, CC BY 4.0";

    static final String LABEL_COLUMN = "diagnosis";

    static final String ANOMALY_LABEL = "malignant";

    static final String ID_COLUMN = "id";

    private EmbeddedData() {
    }

    static CsvTable read() {
        try (InputStream in = EmbeddedData.class.getResourceAsStream(RESOURCE);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvTable.read(DESCRIPTION, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
