package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record DelegateRegistered(@Required String negotiationId, @Required String delegateId, @Required String name,
                                 @Required String partyId, String title) implements NegotiationEvent {

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
