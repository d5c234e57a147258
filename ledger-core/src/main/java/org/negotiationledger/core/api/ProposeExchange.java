package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records that a party proposed a swap of prisoners, bodies, goods or anything else.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record ProposeExchange(@TargetAggregateIdentifier String negotiationId, String exchangeId,
                              String proposedBy, LocalDate proposedOn, ExchangeTerms terms,
                              Instant recordedAt) implements NegotiationCommand {
}
