package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that at least two parties agreed to a proposed exchange, optionally at a meeting.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record AgreeExchange(@TargetAggregateIdentifier @Required String negotiationId, @Required String exchangeId,
                            @Required List<String> partyIds, @Required LocalDate agreedOn, String meetingId,
                            @Required Instant recordedAt) implements NegotiationCommand {
}
