package org.negotiationledger.core.api;

/** The kinds of record an account can differ about. */
public enum RecordKind {
    STATEMENT,
    MEETING,
    EXCHANGE,
    OUTCOME,
    AGREEMENT
}
