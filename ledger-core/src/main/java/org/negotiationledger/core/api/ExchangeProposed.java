package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ExchangeProposed(String negotiationId, String exchangeId, String proposedBy, LocalDate proposedOn,
                               ExchangeTerms terms) implements NegotiationEvent {
}
