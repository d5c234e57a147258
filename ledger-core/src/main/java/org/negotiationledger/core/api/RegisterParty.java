package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Registers a side, a mediator or an observer of the negotiation.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RegisterParty(@TargetAggregateIdentifier String negotiationId, String partyId,
                            String name, PartyRole role, Instant recordedAt) implements NegotiationCommand {
}
