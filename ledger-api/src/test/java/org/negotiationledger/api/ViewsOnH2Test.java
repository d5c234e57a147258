package org.negotiationledger.api;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The same reads on the embedded default: an H2 file in a fresh data directory. */
class ViewsOnH2Test extends ViewsOverHttpTest {

    @TempDir
    static Path dataDir;

    @Override
    Map<String, Object> database() {
        return Map.of("ledger.data-dir", dataDir.toString());
    }
}
