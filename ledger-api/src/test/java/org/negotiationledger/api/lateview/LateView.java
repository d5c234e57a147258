package org.negotiationledger.api.lateview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.negotiationledger.core.api.NegotiationEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A view that exists only in tests, switched on by {@code ledger.test.late-view=true}: it stands
 * for a view added in a later release, which must build itself from the whole history. With
 * {@code ledger.test.late-view.fail-once-at=N} its handler fails the first time it meets its N-th
 * event, as a view does when its database hiccups; so does a fresh instance made to rebuild it.
 */
@ProcessingGroup(LateView.NAME)
public class LateView {

    public static final String NAME = "late-view";

    private final JdbcTemplate jdbc;
    private final long failOnceAt;
    private final AtomicLong seen = new AtomicLong();

    /** How the view misbehaves: each instance fails once at its {@code failOnceAt}-th event (-1: never). */
    public record Settings(long failOnceAt) {
    }

    public LateView(JdbcTemplate jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.failOnceAt = settings.failOnceAt();
    }

    @EventHandler
    void on(NegotiationEvent event, EventMessage<?> message) {
        if (seen.incrementAndGet() == failOnceAt) {
            throw new IllegalStateException("the late view fails once at its event " + failOnceAt);
        }
        jdbc.update("INSERT INTO late_view_event (event_id, negotiation_id, event_type) VALUES (?, ?, ?)",
                message.getIdentifier(), event.negotiationId(), event.getClass().getSimpleName());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM late_view_event");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ledger.test.late-view", havingValue = "true")
    static class Enabled {

        @Bean
        Settings lateViewSettings(@Value("${ledger.test.late-view.fail-once-at:-1}") long failOnceAt) {
            return new Settings(failOnceAt);
        }

        @Bean
        LateView lateView(JdbcTemplate jdbc, Settings settings) {
            return new LateView(jdbc, settings);
        }
    }
}
