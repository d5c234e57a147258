package org.negotiationledger.api.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event as the stream sends it.
 *
 * @param cursor   where the subscriber stands after it: give it back (as {@code after} or
 *                 {@code Last-Event-ID}) to resume after this event
 * @param position the event's own global position in the store
 */
record StreamedEvent(String cursor, long position, String negotiationId, long sequence, String eventId, String type,
                     String revision, LocalDate effectiveOn, Instant recordedAt, String recordedBy,
                     JsonNode payload) {

    /** The same event with another cursor. */
    StreamedEvent at(String otherCursor) {
        return new StreamedEvent(otherCursor, position, negotiationId, sequence, eventId, type, revision, effectiveOn,
                recordedAt, recordedBy, payload);
    }
}
