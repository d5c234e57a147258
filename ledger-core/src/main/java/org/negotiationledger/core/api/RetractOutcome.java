package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Withdraws a recorded outcome, e.g. because the report of the agreement was false; it stays in
 * the history, marked retracted.
 * {@code recordedAt} is when the ledger received the command.
 */
public record RetractOutcome(@TargetAggregateIdentifier @Required String negotiationId, @Required String outcomeId,
                             @Required String reason, @Required Instant recordedAt) implements NegotiationCommand {
}
