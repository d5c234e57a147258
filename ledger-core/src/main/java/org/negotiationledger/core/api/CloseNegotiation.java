package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Closes the negotiation; afterwards it accepts nothing but corrections and retractions. With the
 * outcome AGREEMENT it may name the agreement it ends with ({@code agreementId}).
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record CloseNegotiation(@TargetAggregateIdentifier @Required String negotiationId, @Required Outcome outcome,
                               @Required LocalDate closedOn, String summary, String agreementId,
                               @Required Instant recordedAt) implements NegotiationCommand {

    /** A closure that names no agreement. */
    public CloseNegotiation(String negotiationId, Outcome outcome, LocalDate closedOn, String summary,
                            Instant recordedAt) {
        this(negotiationId, outcome, closedOn, summary, null, recordedAt);
    }
}
