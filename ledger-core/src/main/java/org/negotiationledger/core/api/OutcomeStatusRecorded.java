package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * What became of an agreement, from {@code since}: implemented, partly, violated or abandoned.
 * Revision 2 added {@code sources}, every report of it.
 */
@Revision("2")
public record OutcomeStatusRecorded(@Required String negotiationId, @Required String outcomeId,
                                    @Required OutcomeStatus status, @Required LocalDate since, String note,
                                    List<Source> sources) implements NegotiationEvent {

    /** A status as revision 1 knew it, without sources. */
    public OutcomeStatusRecorded(String negotiationId, String outcomeId, OutcomeStatus status, LocalDate since,
                                 String note) {
        this(negotiationId, outcomeId, status, since, note, null);
    }

    public OutcomeStatusRecorded {
        sources = Collections2.list(sources);
    }

    @Override
    public LocalDate effectiveDate() {
        return since;
    }
}
