package org.negotiationledger.core.api;

/** How a meeting was held: the delegations in one room, by video, or some of each. */
public enum MeetingFormat {
    IN_PERSON, ONLINE, HYBRID
}
