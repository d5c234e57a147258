package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** From {@code since}, the party takes part in another role (an observer who becomes a mediator). */
@Revision("1")
public record PartyRoleChanged(@Required String negotiationId, @Required String partyId, @Required PartyRole role,
                               @Required LocalDate since) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return since;
    }

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
