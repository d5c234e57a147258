package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record DelegateRegistered(String negotiationId, String delegateId, String name, String partyId,
                                 String title) implements NegotiationEvent {

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
