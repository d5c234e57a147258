package org.negotiationledger.projections.meetings;

import java.util.List;

public record MeetingTimeline(String negotiationId, List<Meeting> meetings) {
}
