package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One stage of an exchange carried out: how many each side released in it, and the running
 * totals per side after it. {@code completes} is set when the recorder declared it the last stage.
 * Revision 2 added {@code sources}, every report of the stage.
 */
@Revision("2")
public record ExchangeExecutionRecorded(@Required String negotiationId, @Required String exchangeId, int stage,
                                        @Required LocalDate executedOn, @Required Map<String, Integer> released,
                                        @Required Map<String, Integer> totals, boolean completes, String note,
                                        List<Source> sources) implements NegotiationEvent {

    /** A stage as revision 1 knew it, without sources. */
    public ExchangeExecutionRecorded(String negotiationId, String exchangeId, int stage, LocalDate executedOn,
                                     Map<String, Integer> released, Map<String, Integer> totals, boolean completes,
                                     String note) {
        this(negotiationId, exchangeId, stage, executedOn, released, totals, completes, note, null);
    }

    public ExchangeExecutionRecorded {
        released = Collections2.sortedMap(released);
        totals = Collections2.sortedMap(totals);
        sources = Collections2.list(sources);
    }

    @Override
    public LocalDate effectiveDate() {
        return executedOn;
    }

    @Override
    public List<String> involvedParties() {
        return List.copyOf(released.keySet());
    }
}
