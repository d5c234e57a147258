package org.negotiationledger.projections.meetings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.projections.support.Sourced;
import org.negotiationledger.core.api.MeetingFormat;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.Stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A round of talks; {@code heads} maps a party to the delegate who led its side, and
 * {@code statements} is what the parties said there, in the order it was recorded.
 *
 * @param endsOn           the last day of a round of several days; null for one day
 * @param startsAt         when it began on its first day, when the sources say
 * @param endsAt           when it ended on its last day, when the sources say
 * @param format           in person, online or both, when the sources say
 * @param coding           what a machine coded, for a meeting brought in from event data; null otherwise
 * @param retracted        whether the meeting was retracted, as known at the query's time
 * @param retractionReason why, when it was
 * @param sources          every report of the meeting standing then: those it was recorded with, then
 *                         those of its corroborations not retracted, in the order they were recorded
 * @param corroborations   the reports added to the meeting later, each with its own sources, the
 *                         retracted ones marked
 */
@JsonPropertyOrder({"id", "heldOn", "endsOn", "startsAt", "endsAt", "format", "location", "level", "partyIds", "mediatorIds", "heads", "topicIds", "summary",
        "coding", "recordedAt", "statements", "retracted", "retractionReason", "sources", "publishers", "machineCoded",
        "corroborations"})
public record Meeting(String id, LocalDate heldOn, LocalDate endsOn, LocalTime startsAt, LocalTime endsAt,
                      MeetingFormat format, String location, MeetingLevel level, List<String> partyIds,
                      List<String> mediatorIds, Map<String, String> heads, List<String> topicIds, String summary,
                      EventCoding coding, Instant recordedAt, List<Said> statements, boolean retracted,
                      String retractionReason, List<Source> sources, List<Corroboration> corroborations)
        implements Sourced {

    /** Whether the meeting came from event data, coded by a machine. */
    @JsonProperty
    public boolean machineCoded() {
        return coding != null;
    }

    /**
     * Reports added to the meeting after it was recorded, by a person or by rows of event data
     * ({@code coding}); a retracted one's sources no longer count among the meeting's.
     */
    @JsonPropertyOrder({"id", "sources", "publishers", "coding", "machineCoded", "recordedAt", "retracted",
            "retractionReason"})
    public record Corroboration(String id, List<Source> sources, EventCoding coding, Instant recordedAt,
                                boolean retracted, String retractionReason) implements Sourced {

        /** Whether rows of event data, coded by a machine, made the corroboration. */
        @JsonProperty
        public boolean machineCoded() {
            return coding != null;
        }
    }

    /** A statement made at the meeting, in its version as known at the query's time. */
    public record Said(String statementId, String partyId, String topicId, Stance stance, String summary,
                       Instant recordedAt) {
    }
}
