package org.negotiationledger.api.integrity;

import java.time.Instant;

/** A negotiation's head, for a user to keep elsewhere and give back to verify later. */
public record Checkpoint(String negotiationId, long sequence, String hash, long events, Instant takenAt) {
}
