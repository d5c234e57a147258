package org.negotiationledger.api.lateview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.negotiationledger.core.api.NegotiationEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A view that exists only in tests, switched on by {@code ledger.test.late-view=true}: it stands
 * for a view added in a later release, which must build itself from the whole history. With
 * {@code ledger.test.late-view.fail-once-at=N} its handler fails the first time it meets the event
 * at position N, as a view does when its database hiccups.
 */
@ProcessingGroup(LateView.NAME)
public class LateView {

    public static final String NAME = "late-view";

    private final JdbcTemplate jdbc;
    private final long failOnceAt;
    private boolean failed;

    LateView(JdbcTemplate jdbc, long failOnceAt) {
        this.jdbc = jdbc;
        this.failOnceAt = failOnceAt;
    }

    @EventHandler
    void on(NegotiationEvent event, TrackingToken token) {
        if (token.position().orElseThrow() == failOnceAt && !failed) {
            failed = true;
            throw new IllegalStateException("the late view fails once at position " + failOnceAt);
        }
        jdbc.update("INSERT INTO late_view_event (global_position, event_type) VALUES (?, ?)",
                token.position().orElseThrow(), event.getClass().getSimpleName());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM late_view_event");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ledger.test.late-view", havingValue = "true")
    static class Enabled {

        @Bean
        LateView lateView(JdbcTemplate jdbc, @Value("${ledger.test.late-view.fail-once-at:-1}") long failOnceAt) {
            return new LateView(jdbc, failOnceAt);
        }
    }
}
