package org.negotiationledger.api;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** The second edition on the embedded default, in a fresh data directory. */
class SecondEditionOnH2Test extends SecondEditionOverHttpTest {

    @Override
    Map<String, Object> database() throws IOException {
        return Map.of("ledger.data-dir", Files.createTempDirectory("second-edition").toString());
    }
}
