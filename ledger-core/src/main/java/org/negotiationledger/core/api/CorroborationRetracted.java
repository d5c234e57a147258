package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The reports a corroboration added to a meeting were withdrawn, with the reason; the meeting stays. */
@Revision("1")
public record CorroborationRetracted(@Required String negotiationId, @Required String meetingId,
                                     @Required String corroborationId, List<String> partyIds,
                                     @Required String reason) implements NegotiationEvent {

    public CorroborationRetracted {
        partyIds = Collections2.list(partyIds);
    }

    @Override
    public List<String> involvedParties() {
        return partyIds;
    }
}
