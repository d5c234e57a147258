package org.negotiationledger.projections.meetings;

import org.negotiationledger.core.api.MeetingLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A round of talks; {@code heads} maps a party to the delegate who led its side. */
public record Meeting(String id, LocalDate heldOn, String location, MeetingLevel level, List<String> partyIds,
                      List<String> mediatorIds, Map<String, String> heads, List<String> topicIds, String summary,
                      Instant recordedAt) {
}
