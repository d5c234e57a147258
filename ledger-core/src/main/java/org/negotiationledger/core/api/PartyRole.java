package org.negotiationledger.core.api;

/** What a party is in a negotiation: one of the sides, a mediator between them, or an observer. */
public enum PartyRole {
    PARTY,
    MEDIATOR,
    OBSERVER
}
