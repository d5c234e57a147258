package org.negotiationledger.core.api;

/** A party that signed an agreement, and the delegate who signed for it, when the sources say. */
public record Signatory(@Required String partyId, String delegateId) {
}
