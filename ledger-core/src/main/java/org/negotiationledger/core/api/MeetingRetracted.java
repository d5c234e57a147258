package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A recorded meeting was withdrawn, with the reason; it stays in the history, marked retracted. */
@Revision("1")
public record MeetingRetracted(@Required String negotiationId, @Required String meetingId, List<String> partyIds,
                               @Required String reason) implements NegotiationEvent {

    public MeetingRetracted {
        partyIds = Collections2.list(partyIds);
    }

    @Override
    public List<String> involvedParties() {
        return partyIds;
    }
}
