package org.negotiationledger.api.commands;

/**
 * The answer to an accepted command: the negotiation's version after it (also the ETag) and the
 * global position of its last event (for {@code waitFor}); {@code recorded} is false for a repeat.
 */
public record CommandResponse(String negotiationId, long version, long position, boolean recorded) {
}
