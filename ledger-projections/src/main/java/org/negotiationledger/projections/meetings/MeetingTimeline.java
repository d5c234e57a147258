package org.negotiationledger.projections.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The rounds held by {@code asOf} and recorded by {@code knownAt} (each null: all). */
public record MeetingTimeline(String negotiationId, LocalDate asOf, Instant knownAt, List<Meeting> meetings) {
}
