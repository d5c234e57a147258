package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers a person who speaks or acts for a party.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RegisterDelegate(@TargetAggregateIdentifier String negotiationId, String delegateId,
                               String name, String partyId, String title, Instant recordedAt) implements NegotiationCommand {
}
