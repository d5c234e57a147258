package org.negotiationledger.api.storage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * The read replica in the health answer, on a node that has one: its lag behind the primary in
 * bytes of write-ahead log and in seconds (shown to admins); DEGRADED (still 200) while it lags
 * more than {@code ledger.replica.max-lag} or does not answer, when queries go to the primary
 * (or are refused, as {@code ledger.replica.when-away} says).
 */
@Component("replica")
@ConditionalOnExpression("!'${ledger.replica.url:}'.isBlank()")
class ReplicaHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the read replica lags or does not answer");

    private final ReadReplica replica;
    private final DataSource primary;

    ReplicaHealth(ReadReplica replica, DataSource primary) {
        this.replica = replica;
        this.primary = primary;
    }

    @Override
    public Health health() {
        if (replica.away() && !replica.answers()) {
            return Health.status(DEGRADED).withDetail("replica", "not answering")
                    .withDetail("queries", replica.whenAway() == ReadReplica.WhenAway.PRIMARY
                            ? "answered by the primary" : "refused").build();
        }
        ReadReplica.Lag lag = replica.lag(primary);
        double bound = replica.maxLag().toMillis() / 1000.0;
        boolean behind = lag.seconds() == null || lag.seconds() > bound;
        Health.Builder health = behind ? Health.status(DEGRADED) : Health.up();
        health.withDetail("maxLagSeconds", bound).withDetail("queries", "answered by the replica");
        if (lag.bytes() != null) {
            health.withDetail("lagBytes", lag.bytes());
        }
        if (lag.seconds() != null) {
            health.withDetail("lagSeconds", lag.seconds());
        }
        return health.build();
    }
}
