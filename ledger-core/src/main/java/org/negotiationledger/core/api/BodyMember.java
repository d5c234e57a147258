package org.negotiationledger.core.api;

/**
 * A party in a body, with the delegate who sits in it for the party, if named, and the party's role
 * there in words ("chair", "observer"), if said.
 */
public record BodyMember(@Required String partyId, String delegateId, String role) {
}
