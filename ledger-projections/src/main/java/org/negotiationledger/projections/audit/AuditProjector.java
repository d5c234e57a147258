package org.negotiationledger.projections.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.projections.support.BatchedInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.negotiationledger.projections.support.Rows.json;
import static org.negotiationledger.projections.support.Rows.utc;

/** Builds the audit view: one row for every event, keyed by its global position. */
@Component
@ProcessingGroup(AuditProjector.NAME)
public class AuditProjector {

    public static final String NAME = "audit";

    private final JdbcTemplate jdbc;
    private final BatchedInserts events;
    private final BatchedInserts parties;

    public AuditProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.events = new BatchedInserts(jdbc, "INSERT INTO audit_event (global_position, negotiation_id, "
                + "sequence_number, event_id, event_type, revision, effective_on, recorded_at, recorded_by, "
                + "correlation_id, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.parties = new BatchedInserts(jdbc, "INSERT INTO audit_party (party_id, negotiation_id, global_position) "
                + "VALUES (?, ?, ?)");
    }

    @EventHandler
    void on(NegotiationEvent event, DomainEventMessage<?> message, TrackingToken token) {
        long position = token.position().orElseThrow(
                () -> new IllegalStateException("the audit view needs the global position of every event"));
        Revision revision = event.getClass().getAnnotation(Revision.class);
        events.add(position, event.negotiationId(), message.getSequenceNumber(), message.getIdentifier(),
                event.getClass().getSimpleName(), revision == null ? null : revision.value(), event.effectiveDate(),
                utc(message.getTimestamp()), message.getMetaData().get(EventMetadata.RECORDED_BY),
                message.getMetaData().get(EventMetadata.CORRELATION_ID), json(event));
        for (String party : event.involvedParties()) {
            parties.add(party, event.negotiationId(), position);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_party");
        jdbc.update("DELETE FROM audit_event");
    }
}
