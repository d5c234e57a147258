package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DelegateRegistered(String negotiationId, String delegateId, String name, String partyId,
                                 String title) implements NegotiationEvent {
}
