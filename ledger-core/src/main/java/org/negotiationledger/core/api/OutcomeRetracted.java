package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A recorded outcome was withdrawn, with the reason; it stays in the history, marked retracted. */
@Revision("1")
public record OutcomeRetracted(@Required String negotiationId, @Required String outcomeId, List<String> partyIds,
                               @Required String reason) implements NegotiationEvent {

    public OutcomeRetracted {
        partyIds = Collections2.list(partyIds);
    }

    @Override
    public List<String> involvedParties() {
        return partyIds;
    }
}
