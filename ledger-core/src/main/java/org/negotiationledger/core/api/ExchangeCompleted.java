package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An exchange fully carried out: the agreed numbers were reached, or its last stage said so. */
@Revision("1")
public record ExchangeCompleted(@Required String negotiationId, @Required String exchangeId,
                                @Required LocalDate completedOn, @Required Map<String, Integer> totals)
        implements NegotiationEvent {

    public ExchangeCompleted {
        totals = Collections2.sortedMap(totals);
    }

    @Override
    public LocalDate effectiveDate() {
        return completedOn;
    }

    @Override
    public List<String> involvedParties() {
        return List.copyOf(totals.keySet());
    }
}
