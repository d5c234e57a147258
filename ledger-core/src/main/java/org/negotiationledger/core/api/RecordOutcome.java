package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that parties reached an agreement on topics, or explicitly did not.
 * {@code sources} are every report of it, none or many.
 * {@code coding} is set for an outcome brought in from event data: what a machine coded.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordOutcome(@TargetAggregateIdentifier @Required String negotiationId, @Required String outcomeId,
                            @Required OutcomeKind kind, @Required List<String> topicIds,
                            @Required List<String> partyIds, @Required String terms, LocalDate reachedOn,
                            String meetingId, List<Source> sources, EventCoding coding,
                            @Required Instant recordedAt)
        implements NegotiationCommand {

    /** An outcome a person recorded. */
    public RecordOutcome(String negotiationId, String outcomeId, OutcomeKind kind, List<String> topicIds,
                         List<String> partyIds, String terms, LocalDate reachedOn, String meetingId,
                         List<Source> sources, Instant recordedAt) {
        this(negotiationId, outcomeId, kind, topicIds, partyIds, terms, reachedOn, meetingId, sources, null,
                recordedAt);
    }
}
