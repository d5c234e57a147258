package org.negotiationledger.projections.exchanges;

/** Where an exchange stands. */
public enum ExchangeStatus {
    PROPOSED,
    AGREED,
    PARTIALLY_EXECUTED,
    COMPLETED
}
