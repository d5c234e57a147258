package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A swap, or a one-sided transfer, proposed. Revision 2 made the kind one of {@link ExchangeKind}
 * (a revision-1 kind outside it became OTHER, its words kept in {@code kindText}) and allowed
 * one side; revision 3 added {@code sources}, every report of the proposal (none before it).
 *
 * @param proposedBy the party that proposed it, or null when the sources do not say
 * @param note       what the sources leave vague, in words; may be null
 */
@Revision("3")
public record ExchangeProposed(@Required String negotiationId, @Required String exchangeId, String proposedBy,
                               @Required LocalDate proposedOn, @Required ExchangeTerms terms, String note,
                               List<Source> sources) implements NegotiationEvent {

    public ExchangeProposed {
        sources = Collections2.list(sources);
    }

    public ExchangeProposed(String negotiationId, String exchangeId, String proposedBy, LocalDate proposedOn,
                            ExchangeTerms terms, String note) {
        this(negotiationId, exchangeId, proposedBy, proposedOn, terms, note, null);
    }

    public ExchangeProposed(String negotiationId, String exchangeId, String proposedBy, LocalDate proposedOn,
                            ExchangeTerms terms) {
        this(negotiationId, exchangeId, proposedBy, proposedOn, terms, null, null);
    }

    @Override
    public LocalDate effectiveDate() {
        return proposedOn;
    }

    @Override
    public List<String> involvedParties() {
        return proposedBy == null ? terms.sides() : Collections2.union(List.of(proposedBy), terms.sides());
    }
}
