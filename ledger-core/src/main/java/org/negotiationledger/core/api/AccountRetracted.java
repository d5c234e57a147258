package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** An account was taken back; the record it concerned and its other accounts stay. */
@Revision("1")
public record AccountRetracted(@Required String negotiationId, @Required String accountId, @Required String recordId,
                               @Required String reason) implements NegotiationEvent {

    @Override
    public List<String> involvedParties() {
        return List.of();
    }
}
