package org.negotiationledger.api;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** The third edition on the embedded default, in a fresh data directory. */
class ThirdEditionOnH2Test extends ThirdEditionOverHttpTest {

    @Override
    Map<String, Object> database() throws IOException {
        return Map.of("ledger.data-dir", Files.createTempDirectory("third-edition").toString());
    }
}
