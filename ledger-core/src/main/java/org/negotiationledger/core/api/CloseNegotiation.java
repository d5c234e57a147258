package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Closes the negotiation; afterwards it accepts nothing but corrections and retractions.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record CloseNegotiation(@TargetAggregateIdentifier @Required String negotiationId, @Required Outcome outcome,
                               @Required LocalDate closedOn, String summary, @Required Instant recordedAt)
        implements NegotiationCommand {
}
