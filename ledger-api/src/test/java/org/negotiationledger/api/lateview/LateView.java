package org.negotiationledger.api.lateview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.negotiationledger.core.api.NegotiationEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A view that exists only in tests, switched on by {@code ledger.test.late-view=true}: it stands
 * for a view added in a later release, which must build itself from the whole history.
 */
@ProcessingGroup(LateView.NAME)
public class LateView {

    public static final String NAME = "late-view";

    private final JdbcTemplate jdbc;

    LateView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NegotiationEvent event, TrackingToken token) {
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
        LateView lateView(JdbcTemplate jdbc) {
            return new LateView(jdbc);
        }
    }
}
