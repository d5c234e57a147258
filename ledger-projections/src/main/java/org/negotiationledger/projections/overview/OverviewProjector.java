package org.negotiationledger.projections.overview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.core.api.TopicAdded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Builds the overview view: each negotiation's cast, topics and status, each dated so that they
 * can be read for any day as known at any time. Its counts of events are taken from the ledger's
 * index of events ({@link org.negotiationledger.projections.support.EventIndex}).
 */
@Component
@ProcessingGroup(OverviewProjector.NAME)
public class OverviewProjector {

    public static final String NAME = "overview";

    /** The day from which a delegate holds the title, and a party the role, given at registration. */
    static final LocalDate REGISTRATION = LocalDate.of(1, 1, 1);

    private final JdbcTemplate jdbc;

    public OverviewProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NegotiationOpened event, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_negotiation (negotiation_id, title, description, opened_on, status, "
                        + "opened_at) VALUES (?, ?, ?, ?, ?, ?)",
                event.negotiationId(), event.title(), event.description(), event.openedOn(),
                NegotiationStatus.OPEN.name(), utc(recordedAt));
    }

    @EventHandler
    void on(PartyRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_party (negotiation_id, party_id, name, role, ordinal, joined_on, known_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", event.negotiationId(), event.partyId(), event.name(),
                event.role().name(), sequence, event.joinedOn(), utc(recordedAt));
        role(event.negotiationId(), event.partyId(), REGISTRATION, event.role().name(), recordedAt);
    }

    @EventHandler
    void on(PartyRoleChanged event, @Timestamp Instant recordedAt) {
        role(event.negotiationId(), event.partyId(), event.since(), event.role().name(), recordedAt);
    }

    @EventHandler
    void on(PartyLeft event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE overview_party SET left_on = ?, left_known_from = ? WHERE negotiation_id = ? "
                + "AND party_id = ?", event.leftOn(), utc(recordedAt), event.negotiationId(), event.partyId());
    }

    @EventHandler
    void on(DelegateRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_delegate (negotiation_id, delegate_id, name, party_id, title, ordinal, "
                        + "known_from, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event.negotiationId(),
                event.delegateId(), event.name(), event.partyId(), event.title(), sequence, utc(recordedAt),
                event.since());
        title(event.negotiationId(), event.delegateId(), REGISTRATION, event.title(), recordedAt);
    }

    @EventHandler
    void on(DelegateTitleChanged event, @Timestamp Instant recordedAt) {
        title(event.negotiationId(), event.delegateId(), event.since(), event.title(), recordedAt);
    }

    @EventHandler
    void on(TopicAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO overview_topic (negotiation_id, topic_id, title, description, ordinal, known_from, "
                        + "added_on) VALUES (?, ?, ?, ?, ?, ?, ?)", event.negotiationId(), event.topicId(),
                event.title(), event.description(), sequence, utc(recordedAt), event.addedOn());
    }

    @EventHandler
    void on(NegotiationClosed event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE overview_negotiation SET status = ?, outcome = ?, closed_on = ?, closing_summary = ?, "
                        + "closing_agreement_id = ?, closed_at = ? WHERE negotiation_id = ?",
                NegotiationStatus.CLOSED.name(), event.outcome().name(), event.closedOn(), event.summary(),
                event.agreementId(), utc(recordedAt), event.negotiationId());
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"overview_title", "overview_role", "overview_topic",
                "overview_delegate", "overview_party", "overview_negotiation"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private void role(String negotiationId, String partyId, LocalDate since, String role, Instant recordedAt) {
        jdbc.update("INSERT INTO overview_role (negotiation_id, party_id, since, role, known_from) "
                + "VALUES (?, ?, ?, ?, ?)", negotiationId, partyId, since, role, utc(recordedAt));
    }

    private void title(String negotiationId, String delegateId, LocalDate since, String title, Instant recordedAt) {
        jdbc.update("INSERT INTO overview_title (negotiation_id, delegate_id, since, title, known_from) "
                + "VALUES (?, ?, ?, ?, ?)", negotiationId, delegateId, since, title, utc(recordedAt));
    }
}
