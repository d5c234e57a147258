package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that at least two parties agreed to a proposed exchange, optionally at a meeting, with
 * every report of the agreement ({@code sources}).
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record AgreeExchange(@TargetAggregateIdentifier @Required String negotiationId, @Required String exchangeId,
                            @Required List<String> partyIds, @Required LocalDate agreedOn, String meetingId,
                            List<Source> sources, @Required Instant recordedAt) implements NegotiationCommand {

    /** An agreement without sources. */
    public AgreeExchange(String negotiationId, String exchangeId, List<String> partyIds, LocalDate agreedOn,
                         String meetingId, Instant recordedAt) {
        this(negotiationId, exchangeId, partyIds, agreedOn, meetingId, null, recordedAt);
    }
}
