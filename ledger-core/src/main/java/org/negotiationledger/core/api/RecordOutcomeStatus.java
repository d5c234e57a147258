package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records what became of an agreement from a day on. One status a day: the same again is a repeat.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordOutcomeStatus(@TargetAggregateIdentifier @Required String negotiationId, @Required String outcomeId,
                                  @Required OutcomeStatus status, @Required LocalDate since, String note,
                                  @Required Instant recordedAt) implements NegotiationCommand {
}
