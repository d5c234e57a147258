package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** What became of an agreement, from {@code since}: implemented, partly, violated or abandoned. */
@Revision("1")
public record OutcomeStatusRecorded(@Required String negotiationId, @Required String outcomeId,
                                    @Required OutcomeStatus status, @Required LocalDate since, String note)
        implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return since;
    }
}
