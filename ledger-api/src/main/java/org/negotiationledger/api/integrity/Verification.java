package org.negotiationledger.api.integrity;

/**
 * What verifying a negotiation's history found.
 *
 * @param intact      whether every event matches its seal and the chain is whole (and, when a
 *                    checkpoint was given, the history up to it is the one it was taken of)
 * @param events      how many events were checked
 * @param headHash    the hash of the last event, when the chain is intact
 * @param firstBroken the first event that no longer matches, and why; null when intact
 */
public record Verification(String negotiationId, boolean intact, long events, Long headSequence, String headHash,
                           Broken firstBroken) {

    /** The kinds of damage verify tells apart. */
    public enum Problem {
        /** The event's content (or its metadata, time or type) is not what was sealed. */
        CONTENT_CHANGED,
        /** A sequence number is missing from the history. */
        EVENT_MISSING,
        /** The event is intact but stands at another place than where it was recorded. */
        ORDER_CHANGED,
        /** The event carries no seal: it was stored before the ledger sealed events. */
        UNSEALED,
        /** The history ends before the checkpoint: events were removed from its end. */
        TRUNCATED,
        /** The history up to the checkpoint is not the one the checkpoint was taken of. */
        REWRITTEN
    }

    /**
     * @param sequence the event's place in its negotiation (for a missing event, the missing number)
     * @param eventId  null for a missing event
     * @param position the event's global position; null for a missing event
     */
    public record Broken(long sequence, String eventId, Long position, Problem problem, String detail) {
    }
}
