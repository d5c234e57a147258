package org.negotiationledger.core.api;

/** What became of an agreement. */
public enum OutcomeStatus {
    IMPLEMENTED,
    PARTLY_IMPLEMENTED,
    VIOLATED,
    ABANDONED
}
