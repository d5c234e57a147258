package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Takes an account back (its source was misread, or withdrew it), with the reason; the list keeps it,
 * marked retracted. {@code recordedAt} is when the ledger received the command.
 */
public record RetractAccount(@TargetAggregateIdentifier @Required String negotiationId, @Required String accountId,
                             @Required String reason, @Required Instant recordedAt) implements NegotiationCommand {
}
