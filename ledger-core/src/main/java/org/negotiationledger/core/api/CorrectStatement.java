package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Corrects a recorded statement; the original stays in the ledger and the correction says what
 * changed and why. Without a correction id, one is derived from the content, so that a retried
 * correction is recognised.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record CorrectStatement(@TargetAggregateIdentifier @Required String negotiationId, @Required String statementId,
                               String correctionId, @Required StatementChanges changes, @Required String reason,
                               @Required Instant recordedAt) implements NegotiationCommand {
}
