package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record ExchangeProposed(String negotiationId, String exchangeId, String proposedBy, LocalDate proposedOn,
                               ExchangeTerms terms) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return proposedOn;
    }

    @Override
    public List<String> involvedParties() {
        return Collections2.union(List.of(proposedBy), terms.sides());
    }
}
