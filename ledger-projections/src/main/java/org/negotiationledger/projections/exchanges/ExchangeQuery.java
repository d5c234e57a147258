package org.negotiationledger.projections.exchanges;

/** One exchange. */
public record ExchangeQuery(String negotiationId, String exchangeId) {
}
