package org.negotiationledger.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresConnectionSettingsTest {

    private static HikariDataSource prepared(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        new PostgresConnectionSettings(Duration.ofSeconds(7)).postProcessBeforeInitialization(dataSource, "dataSource");
        return dataSource;
    }

    @Test
    void postgresqlSendsBatchesAsMultiRowInsertsAndGivesUpOnASilentDatabase() {
        try (HikariDataSource dataSource = prepared("jdbc:postgresql://127.0.0.1:5432/test")) {
            assertThat(dataSource.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true")
                    .containsEntry("connectTimeout", "3").containsEntry("socketTimeout", "7");
        }
    }

    @Test
    void theEmbeddedDatabaseIsLeftAsItIs() {
        try (HikariDataSource dataSource = prepared("jdbc:h2:mem:ledger")) {
            assertThat(dataSource.getDataSourceProperties()).isEmpty();
        }
    }
}
