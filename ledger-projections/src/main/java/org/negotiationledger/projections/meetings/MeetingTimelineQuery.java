package org.negotiationledger.projections.meetings;

/** The rounds of a negotiation, earliest first. */
public record MeetingTimelineQuery(String negotiationId) {
}
