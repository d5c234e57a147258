package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record StatementRetracted(String negotiationId, String statementId, String partyId, String topicId,
                                 String reason) implements NegotiationEvent {

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
