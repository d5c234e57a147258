package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Withdraws a recorded statement, e.g. because its source was false; it stays in the history.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RetractStatement(@TargetAggregateIdentifier @Required String negotiationId, @Required String statementId,
                               @Required String reason, @Required Instant recordedAt) implements NegotiationCommand {
}
