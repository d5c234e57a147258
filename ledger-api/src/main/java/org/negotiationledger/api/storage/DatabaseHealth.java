package org.negotiationledger.api.storage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, within seconds: DOWN at once while it is known to be away (see
 * {@link DatabaseWatch}), otherwise a connection from the pool (which waits at most its connection
 * timeout) that answers a validity check within {@link DatabaseWatch#CHECK_SECONDS}.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    private final DatabaseWatch database;

    DatabaseHealth(DatabaseWatch database) {
        this.database = database;
    }

    @Override
    public Health health() {
        return !database.away() && database.answers() ? Health.up().build()
                : Health.down().withDetail("database", "not answering").build();
    }
}
