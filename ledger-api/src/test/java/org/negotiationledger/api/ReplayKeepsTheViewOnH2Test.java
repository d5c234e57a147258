package org.negotiationledger.api;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

class ReplayKeepsTheViewOnH2Test extends ReplayKeepsTheViewTest {

    @TempDir
    static Path dataDir;

    @Override
    Map<String, Object> database() {
        return Map.of("ledger.data-dir", dataDir.toString());
    }
}
