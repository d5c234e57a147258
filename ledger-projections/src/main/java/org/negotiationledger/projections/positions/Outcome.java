package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.projections.support.Sourced;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement on topics, or the record that the parties did not agree, with what became of it.
 *
 * @param status   what had become of the agreement by the day asked about; null when nothing is recorded
 * @param statuses every status in force by that day, oldest first
 * @param sources  every report of the outcome
 * @param coding   what a machine coded, for an outcome brought in from event data; null otherwise
 * @param retracted        whether the outcome was retracted, as known at the query's time
 * @param retractionReason why, when it was
 */
@JsonPropertyOrder({"id", "kind", "topicIds", "partyIds", "terms", "reachedOn", "meetingId", "sources", "coding",
        "recordedAt", "status", "statuses", "retracted", "retractionReason", "source", "publishers", "machineCoded"})
public record Outcome(String id, OutcomeKind kind, List<String> topicIds, List<String> partyIds, String terms,
                      LocalDate reachedOn, String meetingId, List<Source> sources, EventCoding coding, Instant recordedAt,
                      OutcomeStatus status, List<StatusChange> statuses, boolean retracted,
                      String retractionReason) implements Sourced {

    /** The first of the sources, as a client of a release before the list knew it; null when none. */
    @JsonProperty
    public Source source() {
        return sources.isEmpty() ? null : sources.get(0);
    }

    /** Whether the outcome came from event data, coded by a machine. */
    @JsonProperty
    public boolean machineCoded() {
        return coding != null;
    }

    public record StatusChange(OutcomeStatus status, LocalDate since, String note, Instant recordedAt,
                               List<Source> sources) implements Sourced {
    }
}
