package org.negotiationledger.projections.overview;

/** Every negotiation, by id; {@code status} null for all. */
public record NegotiationListQuery(NegotiationStatus status) {
}
