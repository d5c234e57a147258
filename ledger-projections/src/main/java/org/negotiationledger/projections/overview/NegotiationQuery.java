package org.negotiationledger.projections.overview;

/** One negotiation with its parties, delegates and topics. */
public record NegotiationQuery(String negotiationId) {
}
