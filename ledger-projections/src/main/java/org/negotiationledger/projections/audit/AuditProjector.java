package org.negotiationledger.projections.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.negotiationledger.core.api.MeetingCorroborated;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.projections.support.EventPositions;
import org.negotiationledger.projections.support.UnitOfWorkBuffer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Builds the audit view: one row for every event, keyed by the global position the store gave
 * it, with only what the trail's filters need (negotiation, type, dates and the parties it
 * concerns). What the store's own row holds (the payload, the event's id and revision, who
 * recorded it and under which request) is read from the event store when a page is asked for
 * ({@link AuditQueries}), never copied. The positions of a batch's events are looked up in the
 * store in one query when the batch commits; the processor's token is no guide to them (see
 * {@link EventPositions}).
 */
@Component
@ProcessingGroup(AuditProjector.NAME)
public class AuditProjector {

    public static final String NAME = "audit";

    private static final String INSERT = "INSERT INTO audit_event (global_position, negotiation_id, "
            + "sequence_number, event_type, effective_on, recorded_at, parties, machine_coded) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final EventPositions positions;
    private final UnitOfWorkBuffer<Entry> entries = new UnitOfWorkBuffer<>(this::write);

    public AuditProjector(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /**
     * The parties an event concerns as the view keeps them: each id between spaces (" ru ua "),
     * which no id can hold; null for none.
     */
    static String parties(List<String> ids) {
        return ids.isEmpty() ? null : " " + String.join(" ", new TreeSet<>(ids)) + " ";
    }

    @EventHandler
    void on(NegotiationEvent event, DomainEventMessage<?> message) {
        entries.add(new Entry(message.getIdentifier(), event.negotiationId(), message.getSequenceNumber(),
                event.getClass().getSimpleName(), event.effectiveDate(), utc(message.getTimestamp()),
                parties(event.involvedParties()), machineCoded(event)));
    }

    /**
     * TRUE for a record brought in from event data, a meeting's corroboration by its rows among them
     * (it carries what a machine coded); null for every other event.
     */
    static Boolean machineCoded(NegotiationEvent event) {
        boolean coded = event instanceof StatementRecorded statement && statement.coding() != null
                || event instanceof OutcomeRecorded outcome && outcome.coding() != null
                || event instanceof MeetingHeld meeting && meeting.coding() != null
                || event instanceof MeetingCorroborated corroboration && corroboration.coding() != null;
        return coded ? Boolean.TRUE : null;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_event");
    }

    private void write(List<Entry> batch) {
        Map<String, Long> stored = positions.of(batch.stream().map(Entry::eventId).toList());
        List<Object[]> rows = new ArrayList<>();
        for (Entry entry : batch) {
            Long position = stored.get(entry.eventId());
            if (position == null) {
                throw new IllegalStateException("the store holds no event " + entry.eventId());
            }
            rows.add(new Object[]{position, entry.negotiationId(), entry.sequence(), entry.type(),
                    entry.effectiveOn(), entry.recordedAt(), entry.parties(), entry.machineCoded()});
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    private record Entry(String eventId, String negotiationId, long sequence, String type, LocalDate effectiveOn,
                         OffsetDateTime recordedAt, String parties, Boolean machineCoded) {
    }
}
