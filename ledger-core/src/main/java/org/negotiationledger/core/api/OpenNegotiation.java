package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Opens a negotiation: the stream every later record of it belongs to.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record OpenNegotiation(@TargetAggregateIdentifier @Required String negotiationId, @Required String title,
                              String description, @Required LocalDate openedOn, @Required Instant recordedAt)
        implements NegotiationCommand {
}
