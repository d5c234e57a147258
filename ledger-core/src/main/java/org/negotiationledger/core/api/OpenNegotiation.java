package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Opens a negotiation: the stream every later record of it belongs to.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record OpenNegotiation(@TargetAggregateIdentifier String negotiationId, String title,
                              String description, LocalDate openedOn, Instant recordedAt) implements NegotiationCommand {
}
