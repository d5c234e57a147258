package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers a person who speaks or acts for a party.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RegisterDelegate(@TargetAggregateIdentifier @Required String negotiationId, @Required String delegateId,
                               @Required String name, @Required String partyId, String title,
                               @Required Instant recordedAt) implements NegotiationCommand {
}
