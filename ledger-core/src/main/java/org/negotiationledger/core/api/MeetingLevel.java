package org.negotiationledger.core.api;

/** Who sat at the table in a round of talks. */
public enum MeetingLevel {
    LEADERS,
    MINISTERS,
    DELEGATIONS,
    TECHNICAL
}
