package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** From {@code since}, the delegate holds another title (a minister who becomes secretary of a council). */
@Revision("1")
public record DelegateTitleChanged(@Required String negotiationId, @Required String delegateId,
                                   @Required String partyId, @Required String title, @Required LocalDate since)
        implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return since;
    }

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
