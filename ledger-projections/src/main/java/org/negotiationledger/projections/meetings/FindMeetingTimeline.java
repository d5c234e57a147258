package org.negotiationledger.projections.meetings;

import java.time.Instant;
import java.time.LocalDate;

/** The rounds of a negotiation held by {@code asOf}, as known at {@code knownAt} (each null: all), earliest first. */
public record FindMeetingTimeline(String negotiationId, LocalDate asOf, Instant knownAt) {
}
