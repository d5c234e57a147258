package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that a swap of prisoners, bodies, goods or anything else was proposed.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 *
 * @param proposedBy the party that proposed it, or null when the sources do not say
 * @param note       what the sources leave vague, in words
 * @param sources    every report of the proposal
 */
public record ProposeExchange(@TargetAggregateIdentifier @Required String negotiationId, @Required String exchangeId,
                              String proposedBy, @Required LocalDate proposedOn, @Required ExchangeTerms terms,
                              String note, List<Source> sources, @Required Instant recordedAt)
        implements NegotiationCommand {

    public ProposeExchange(String negotiationId, String exchangeId, String proposedBy, LocalDate proposedOn,
                           ExchangeTerms terms, String note, Instant recordedAt) {
        this(negotiationId, exchangeId, proposedBy, proposedOn, terms, note, null, recordedAt);
    }

    public ProposeExchange(String negotiationId, String exchangeId, String proposedBy, LocalDate proposedOn,
                           ExchangeTerms terms, Instant recordedAt) {
        this(negotiationId, exchangeId, proposedBy, proposedOn, terms, null, null, recordedAt);
    }
}
