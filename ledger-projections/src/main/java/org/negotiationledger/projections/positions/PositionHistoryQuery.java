package org.negotiationledger.projections.positions;

import java.time.Instant;

/** Every version of every statement of one party on one topic, as known at {@code knownAt} (null: now). */
public record PositionHistoryQuery(String negotiationId, String partyId, String topicId, Instant knownAt) {
}
