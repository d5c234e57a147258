package org.negotiationledger.projections.overview;

public enum NegotiationStatus {
    OPEN,
    CLOSED
}
