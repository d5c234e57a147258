package org.negotiationledger.projections.overview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.negotiationledger.projections.support.Rows.utc;

/** Builds the overview view: each negotiation's cast, topics, status and counts. */
@Component
@ProcessingGroup(OverviewProjector.NAME)
public class OverviewProjector {

    public static final String NAME = "overview";

    private final JdbcTemplate jdbc;

    public OverviewProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NegotiationOpened event, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_negotiation (negotiation_id, title, description, opened_on, status, "
                        + "first_effective_on, last_effective_on, event_count, statement_count, correction_count, "
                        + "retraction_count, meeting_count, exchange_count, opened_at, last_recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, 0, 0, 0, 0, ?, ?)",
                event.negotiationId(), event.title(), event.description(), event.openedOn(),
                NegotiationStatus.OPEN.name(), event.openedOn(), event.openedOn(), utc(recordedAt), utc(recordedAt));
    }

    @EventHandler
    void on(PartyRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_party (negotiation_id, party_id, name, role, ordinal) VALUES (?, ?, ?, ?, ?)",
                event.negotiationId(), event.partyId(), event.name(), event.role().name(), sequence);
        count(event, recordedAt, null);
    }

    @EventHandler
    void on(DelegateRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_delegate (negotiation_id, delegate_id, name, party_id, title, ordinal) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", event.negotiationId(), event.delegateId(), event.name(),
                event.partyId(), event.title(), sequence);
        count(event, recordedAt, null);
    }

    @EventHandler
    void on(TopicAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_topic (negotiation_id, topic_id, title, description, ordinal) "
                        + "VALUES (?, ?, ?, ?, ?)", event.negotiationId(), event.topicId(), event.title(),
                event.description(), sequence);
        count(event, recordedAt, null);
    }

    @EventHandler
    void on(StatementRecorded event, @Timestamp Instant recordedAt) {
        count(event, recordedAt, "statement_count");
    }

    @EventHandler
    void on(StatementCorrected event, @Timestamp Instant recordedAt) {
        count(event, recordedAt, "correction_count");
    }

    @EventHandler
    void on(StatementRetracted event, @Timestamp Instant recordedAt) {
        count(event, recordedAt, "retraction_count");
    }

    @EventHandler
    void on(MeetingHeld event, @Timestamp Instant recordedAt) {
        count(event, recordedAt, "meeting_count");
    }

    @EventHandler
    void on(ExchangeProposed event, @Timestamp Instant recordedAt) {
        count(event, recordedAt, "exchange_count");
    }

    @EventHandler
    void on(NegotiationClosed event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE overview_negotiation SET status = ?, outcome = ?, closed_on = ?, closing_summary = ? "
                        + "WHERE negotiation_id = ?", NegotiationStatus.CLOSED.name(), event.outcome().name(),
                event.closedOn(), event.summary(), event.negotiationId());
        count(event, recordedAt, null);
    }

    /** Every other event only counts. */
    @EventHandler
    void on(NegotiationEvent event, @Timestamp Instant recordedAt) {
        count(event, recordedAt, null);
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"overview_topic", "overview_delegate", "overview_party",
                "overview_negotiation"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Counts the event, and in {@code counter} too when given; widens the effective date range. */
    private void count(NegotiationEvent event, Instant recordedAt, String counter) {
        String also = counter == null ? "" : ", " + counter + " = " + counter + " + 1";
        jdbc.update("UPDATE overview_negotiation SET event_count = event_count + 1, last_recorded_at = ?, "
                        + "first_effective_on = LEAST(first_effective_on, COALESCE(?, first_effective_on)), "
                        + "last_effective_on = GREATEST(last_effective_on, COALESCE(?, last_effective_on))" + also
                        + " WHERE negotiation_id = ?",
                utc(recordedAt), event.effectiveDate(), event.effectiveDate(), event.negotiationId());
    }
}
