package org.negotiationledger.core.api;

/** How a negotiation ended. */
public enum Outcome {
    AGREEMENT,
    SUSPENDED,
    COLLAPSED
}
