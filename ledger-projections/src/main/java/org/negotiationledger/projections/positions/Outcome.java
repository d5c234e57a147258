package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement on topics, or the record that the parties did not agree, with what became of it.
 *
 * @param status   what had become of the agreement by the day asked about; null when nothing is recorded
 * @param statuses every status in force by that day, oldest first
 * @param coding   what a machine coded, for an outcome brought in from event data; null otherwise
 * @param retracted        whether the outcome was retracted, as known at the query's time
 * @param retractionReason why, when it was
 */
public record Outcome(String id, OutcomeKind kind, List<String> topicIds, List<String> partyIds, String terms,
                      LocalDate reachedOn, String meetingId, Source source, EventCoding coding, Instant recordedAt,
                      OutcomeStatus status, List<StatusChange> statuses, boolean retracted,
                      String retractionReason) {

    public record StatusChange(OutcomeStatus status, LocalDate since, String note, Instant recordedAt) {
    }
}
