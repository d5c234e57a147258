package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that at least two parties agreed to a proposed exchange, optionally at a meeting.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record AgreeExchange(@TargetAggregateIdentifier String negotiationId, String exchangeId,
                            List<String> partyIds, LocalDate agreedOn, String meetingId,
                            Instant recordedAt) implements NegotiationCommand {
}
