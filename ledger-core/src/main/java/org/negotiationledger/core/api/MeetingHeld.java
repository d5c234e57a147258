package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A round of talks; {@code heads} maps a party to the delegate who led its side. */
@Revision("1")
public record MeetingHeld(String negotiationId, String meetingId, LocalDate heldOn, String location,
                          MeetingLevel level, List<String> partyIds, List<String> mediatorIds,
                          Map<String, String> heads, List<String> topicIds, String summary)
        implements NegotiationEvent {

    public MeetingHeld {
        partyIds = Collections2.list(partyIds);
        mediatorIds = Collections2.list(mediatorIds);
        heads = Collections2.sortedMap(heads);
        topicIds = Collections2.list(topicIds);
    }

    @Override
    public LocalDate effectiveDate() {
        return heldOn;
    }

    @Override
    public List<String> involvedParties() {
        return Collections2.union(partyIds, mediatorIds);
    }
}
