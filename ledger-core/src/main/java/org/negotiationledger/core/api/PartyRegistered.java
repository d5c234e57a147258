package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record PartyRegistered(String negotiationId, String partyId, String name,
                              PartyRole role) implements NegotiationEvent {

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
