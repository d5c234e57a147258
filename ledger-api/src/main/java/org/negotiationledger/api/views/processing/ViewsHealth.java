package org.negotiationledger.api.views.processing;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * The views in the health answer: DEGRADED while any view has set events aside, with how many
 * per view (shown to admins). The ledger still serves then, so DEGRADED answers 200.
 */
@Component("views")
class ViewsHealth implements HealthIndicator {

    static final Status DEGRADED = new Status(ViewStatus.DEGRADED, "a view set events aside; see its dead letters");

    private final ViewProgress views;
    private final DeadLetters deadLetters;

    ViewsHealth(ViewProgress views, DeadLetters deadLetters) {
        this.views = views;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> waiting = new TreeMap<>();
        for (String view : views.names()) {
            long count = deadLetters.count(view);
            if (count > 0) {
                waiting.put(view, count);
            }
        }
        return waiting.isEmpty() ? Health.up().build()
                : Health.status(DEGRADED).withDetail("deadLetters", waiting).build();
    }
}
