package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The parties agreed on one or more topics, or explicitly did not ("no agreement on a
 * ceasefire"), on {@code reachedOn}, at a meeting if {@code meetingId} is set.
 *
 * @param terms what was agreed, or what the sides could not agree on, in words
 */
@Revision("1")
public record OutcomeRecorded(String negotiationId, String outcomeId, OutcomeKind kind, List<String> topicIds,
                              List<String> partyIds, String terms, LocalDate reachedOn, String meetingId,
                              Source source) implements NegotiationEvent {

    public OutcomeRecorded {
        topicIds = Collections2.list(topicIds);
        partyIds = Collections2.list(partyIds);
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
