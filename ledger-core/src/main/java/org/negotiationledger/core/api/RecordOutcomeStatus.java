package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records what became of an agreement from a day on, with every report of it ({@code sources}).
 * One status a day: the same again is a repeat.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordOutcomeStatus(@TargetAggregateIdentifier @Required String negotiationId, @Required String outcomeId,
                                  @Required OutcomeStatus status, @Required LocalDate since, String note,
                                  List<Source> sources, @Required Instant recordedAt) implements NegotiationCommand {

    /** A status without sources. */
    public RecordOutcomeStatus(String negotiationId, String outcomeId, OutcomeStatus status, LocalDate since,
                               String note, Instant recordedAt) {
        this(negotiationId, outcomeId, status, since, note, null, recordedAt);
    }
}
