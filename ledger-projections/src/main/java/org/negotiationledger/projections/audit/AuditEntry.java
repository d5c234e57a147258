package org.negotiationledger.projections.audit;

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

    AuditEntry withPayload(String json) {
        return new AuditEntry(position, negotiationId, sequence, eventId, type, revision, effectiveOn, recordedAt,
                recordedBy, correlationId, json);
    }
}
