package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StatementRetracted(String negotiationId, String statementId, String partyId, String topicId,
                                 String reason) implements NegotiationEvent {
}
