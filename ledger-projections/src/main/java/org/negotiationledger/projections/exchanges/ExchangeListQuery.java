package org.negotiationledger.projections.exchanges;

/** Every exchange of a negotiation, in the order they were proposed. */
public record ExchangeListQuery(String negotiationId) {
}
