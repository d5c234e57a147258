package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The parties agreed on one or more topics, or explicitly did not ("no agreement on a
 * ceasefire"), on {@code reachedOn}, at a meeting if {@code meetingId} is set.
 *
 * Revision 2 added {@code coding}: what a machine coded, for an outcome brought in from event data.
 * Revision 3 turned the one {@code source} into a list, {@code sources}: every report of the
 * outcome; a revision-2 event's source is the list's only entry, or the list is empty.
 *
 * @param terms what was agreed, or what the sides could not agree on, in words
 */
@Revision("3")
public record OutcomeRecorded(@Required String negotiationId, @Required String outcomeId, @Required OutcomeKind kind,
                              @Required List<String> topicIds, @Required List<String> partyIds, @Required String terms,
                              LocalDate reachedOn, String meetingId, List<Source> sources,
                              EventCoding coding)
        implements NegotiationEvent {

    /** An outcome a person recorded. */
    public OutcomeRecorded(String negotiationId, String outcomeId, OutcomeKind kind, List<String> topicIds,
                           List<String> partyIds, String terms, LocalDate reachedOn, String meetingId,
                           List<Source> sources) {
        this(negotiationId, outcomeId, kind, topicIds, partyIds, terms, reachedOn, meetingId, sources, null);
    }

    public OutcomeRecorded {
        topicIds = Collections2.list(topicIds);
        partyIds = Collections2.list(partyIds);
        sources = Collections2.list(sources);
    }

    @Override
    public LocalDate effectiveDate() {
        return reachedOn;
    }

    @Override
    public List<String> involvedParties() {
        return partyIds;
    }
}
