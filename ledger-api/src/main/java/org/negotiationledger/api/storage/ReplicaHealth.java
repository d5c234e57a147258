package org.negotiationledger.api.storage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The read replica in the health answer, on a node that has one: its lag behind the primary in
 * bytes of write-ahead log and in seconds, as last measured (shown to admins); DEGRADED (still
 * 200) while it does not answer, lags more than {@code ledger.replica.max-lag} or is no standby,
 * when queries go to the primary (or are refused, as {@code ledger.replica.when-away} says).
 */
@Component("replica")
@ConditionalOnExpression("!'${ledger.replica.url:}'.isBlank()")
class ReplicaHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the read replica lags or does not answer");

    private final ReadReplica replica;

    ReplicaHealth(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public Health health() {
        String elsewhere = replica.whenAway() == ReadReplica.WhenAway.PRIMARY ? "answered by the primary" : "refused";
        if (replica.away() && !replica.answers()) {
            return Health.status(DEGRADED).withDetail("replica", "not answering").withDetail("queries", elsewhere)
                    .build();
        }
        ReadReplica.Lag lag = replica.lastLag();
        boolean behind = replica.tooFarBehind();
        Health.Builder health = behind ? Health.status(DEGRADED) : Health.up();
        health.withDetail("maxLagSeconds", replica.maxLag().toMillis() / 1000.0)
                .withDetail("queries", behind ? elsewhere : "answered by the replica");
        if (!lag.standby()) {
            health.withDetail("replica", "not a hot standby: it replays no write-ahead log, so its lag is unknown");
        } else if (behind) {
            health.withDetail("replica", "further behind the primary than its bound");
        }
        if (lag.bytes() != null) {
            health.withDetail("lagBytes", lag.bytes());
        }
        if (lag.seconds() != null) {
            health.withDetail("lagSeconds", lag.seconds());
        }
        return health.build();
    }
}
