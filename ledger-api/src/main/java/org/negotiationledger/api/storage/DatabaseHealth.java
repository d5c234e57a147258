package org.negotiationledger.api.storage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether the database answers, within seconds: a connection from the pool (which waits at most
 * its connection timeout) that answers a validity check within {@link #CHECK_SECONDS}.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    static final int CHECK_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CHECK_SECONDS) ? Health.up().build()
                    : Health.down().withDetail("database", "did not answer within " + CHECK_SECONDS + " s").build();
        } catch (SQLException | RuntimeException e) {
            return Health.down().withDetail("database", "cannot be reached").build();
        }
    }
}
