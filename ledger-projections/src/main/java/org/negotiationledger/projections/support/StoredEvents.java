package org.negotiationledger.projections.support;

import java.util.Collection;
import java.util.Map;

/**
 * Stored events, read from the event store itself: a view that shows what the store's row holds
 * (the payload, the event's id, who recorded it) keeps no second copy of it.
 */
@FunctionalInterface
public interface StoredEvents {

    /**
     * An event as the ledger loads it (upcast to the current revision).
     *
     * @param eventId       the event's identifier
     * @param revision      the revision of the event's current form, null if it has none
     * @param recordedBy    who recorded it, from its metadata
     * @param correlationId the request it was recorded under, from its metadata
     * @param payloadJson   its payload, written as JSON the way {@link Rows#json} writes it
     */
    record StoredEvent(String eventId, String revision, String recordedBy, String correlationId,
                       String payloadJson) {
    }

    /** The event at each global position named; a position the store does not hold is left out. */
    Map<Long, StoredEvent> at(Collection<Long> positions);
}
