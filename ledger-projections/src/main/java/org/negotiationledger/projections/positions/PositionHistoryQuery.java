package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every version of every statement of one party on one topic effective by {@code asOf} (null: all),
 * as known at {@code knownAt} (null: now).
 */
public record PositionHistoryQuery(String negotiationId, String partyId, String topicId, LocalDate asOf,
                                   Instant knownAt) {
}
