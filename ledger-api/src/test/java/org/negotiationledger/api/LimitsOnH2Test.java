package org.negotiationledger.api;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

class LimitsOnH2Test extends LimitsTest {

    @TempDir
    static Path dataDir;

    @Override
    Map<String, Object> database() {
        return Map.of("ledger.data-dir", dataDir.toString());
    }
}
