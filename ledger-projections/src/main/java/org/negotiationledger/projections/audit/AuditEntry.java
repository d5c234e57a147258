package org.negotiationledger.projections.audit;

import org.negotiationledger.projections.support.StoredEvents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored event.
 *
 * @param position    the event's place in the whole store, across negotiations
 * @param sequence    its place in its negotiation's stream, from 0
 * @param payloadJson the event's content, as JSON
 */
public record AuditEntry(long position, String negotiationId, long sequence, String eventId, String type,
                         String revision, LocalDate effectiveOn, Instant recordedAt, String recordedBy,
                         String correlationId, String payloadJson) {

    /** This entry with what the store's row of its event holds. */
    AuditEntry with(StoredEvents.StoredEvent stored) {
        return new AuditEntry(position, negotiationId, sequence, stored.eventId(), type, stored.revision(),
                effectiveOn, recordedAt, stored.recordedBy(), stored.correlationId(), stored.payloadJson());
    }
}
