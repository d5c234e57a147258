package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record StatementRetracted(@Required String negotiationId, @Required String statementId, @Required String partyId,
                                 @Required String topicId, @Required String reason) implements NegotiationEvent {

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
