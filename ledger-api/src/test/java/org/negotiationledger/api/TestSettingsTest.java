package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough exports LEDGER_ADMIN_PASSWORD (and, to run on PostgreSQL,
 * SPRING_DATASOURCE_URL) in the terminal where a newcomer then runs {@code ./mvnw verify}: the
 * ledgers the tests start take no setting from that environment, only the test's own.
 */
class TestSettingsTest {

    @Test
    void theVariablesOfTheWalkthroughAreNotSettingsOfTheTestsLedgers() {
        Map<String, String> terminal = Map.of("LEDGER_ADMIN_PASSWORD", "change-me",
                "LEDGER_SECURITY_USERS_ANNA_ROLE", "recorder", "SPRING_DATASOURCE_URL", "jdbc:postgresql://x/ledger",
                "SERVER_PORT", "8080", "LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "PATH", "/usr/bin");
        assertThat(LedgerNode.WithoutTheDevelopersSettings.withoutSettings(terminal)).isEqualTo(Map.of(
                "LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test", "PATH", "/usr/bin"));
    }

    @Test
    void aLedgerOfTheTestsReadsItsSettingsFromTheTestAlone(@TempDir Path dataDir) {
        try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()))) {
            Environment settings = node.context().getEnvironment();
            assertThat(settings.getProperty("PATH")).as("the environment is read").isNotNull();
            assertThat(settings.getProperty("ledger.security.admin-password")).isEmpty();
            assertThat(settings.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:" + dataDir);
        }
    }
}
