package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/** The gaps between the parties' offers on one topic, up to {@code asOf} as known at {@code knownAt}. */
public record FindOfferGaps(String negotiationId, String topicId, LocalDate asOf, Instant knownAt) {
}
