package org.negotiationledger.api;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** The first release's store on the embedded default, in a fresh data directory. */
class ReleaseOneStoreOnH2Test extends ReleaseOneStoreTest {

    @Override
    Map<String, Object> database() throws IOException {
        return Map.of("ledger.data-dir", Files.createTempDirectory("release-one").toString());
    }
}
