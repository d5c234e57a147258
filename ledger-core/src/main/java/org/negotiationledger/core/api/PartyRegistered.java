package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PartyRegistered(String negotiationId, String partyId, String name,
                              PartyRole role) implements NegotiationEvent {
}
