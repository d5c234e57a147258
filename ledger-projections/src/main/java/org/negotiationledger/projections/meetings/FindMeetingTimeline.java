package org.negotiationledger.projections.meetings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The rounds of a negotiation held by {@code asOf}, as known at {@code knownAt} (each null: all),
 * earliest first; with {@code machineCoded} false, without those brought in from event data.
 */
public record FindMeetingTimeline(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded) {

    /** With the meetings a machine coded. */
    public FindMeetingTimeline(String negotiationId, LocalDate asOf, Instant knownAt) {
        this(negotiationId, asOf, knownAt, true);
    }
}
