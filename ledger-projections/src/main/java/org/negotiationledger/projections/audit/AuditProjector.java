package org.negotiationledger.projections.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.projections.support.EventPositions;
import org.negotiationledger.projections.support.UnitOfWorkBuffer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Builds the audit view: one row for every event, keyed by the global position the store gave
 * it, with what the trail's filters need (negotiation, type, dates, who and the parties it
 * concerns); the payload itself is read from the event store when a page is asked for
 * ({@link AuditQueries}), never copied. The positions of a batch's events are looked up in the store in one query when the batch
 * commits; the processor's token is no guide to them (see {@link EventPositions}).
 */
@Component
@ProcessingGroup(AuditProjector.NAME)
public class AuditProjector {

    public static final String NAME = "audit";

    private static final String INSERT_EVENT = "INSERT INTO audit_event (global_position, negotiation_id, "
            + "sequence_number, event_id, event_type, revision, effective_on, recorded_at, recorded_by, "
            + "correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PARTY = "INSERT INTO audit_party (party_id, negotiation_id, global_position) "
            + "VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final EventPositions positions;
    private final UnitOfWorkBuffer<Entry> entries = new UnitOfWorkBuffer<>(this::write);

    public AuditProjector(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(NegotiationEvent event, DomainEventMessage<?> message) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        entries.add(new Entry(message.getIdentifier(), event.negotiationId(), message.getSequenceNumber(),
                event.getClass().getSimpleName(), revision == null ? null : revision.value(), event.effectiveDate(),
                utc(message.getTimestamp()), message.getMetaData().get(EventMetadata.RECORDED_BY),
                message.getMetaData().get(EventMetadata.CORRELATION_ID), List.copyOf(new LinkedHashSet<>(event.involvedParties()))));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_party");
        jdbc.update("DELETE FROM audit_event");
    }

    private void write(List<Entry> batch) {
        Map<String, Long> stored = positions.of(batch.stream().map(Entry::eventId).toList());
        List<Object[]> events = new ArrayList<>();
        List<Object[]> parties = new ArrayList<>();
        for (Entry entry : batch) {
            Long position = stored.get(entry.eventId());
            if (position == null) {
                throw new IllegalStateException("the store holds no event " + entry.eventId());
            }
            events.add(new Object[]{position, entry.negotiationId(), entry.sequence(), entry.eventId(), entry.type(),
                    entry.revision(), entry.effectiveOn(), entry.recordedAt(), entry.recordedBy(),
                    entry.correlationId()});
            for (String party : entry.parties()) {
                parties.add(new Object[]{party, entry.negotiationId(), position});
            }
        }
        jdbc.batchUpdate(INSERT_EVENT, events);
        jdbc.batchUpdate(INSERT_PARTY, parties);
    }

    private record Entry(String eventId, String negotiationId, long sequence, String type, String revision,
                         LocalDate effectiveOn, OffsetDateTime recordedAt, Object recordedBy, Object correlationId,
                         List<String> parties) {
    }
}
