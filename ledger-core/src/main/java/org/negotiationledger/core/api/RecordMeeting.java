package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Records a round of talks, with every report of it ({@code sources}), and, when the sources say,
 * the last day of a round of several days ({@code endsOn}), its times and its format. {@code coding}
 * is set for a meeting brought in from event data.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordMeeting(@TargetAggregateIdentifier @Required String negotiationId, @Required String meetingId,
                            @Required LocalDate heldOn, String location, @Required MeetingLevel level,
                            @Required List<String> partyIds, List<String> mediatorIds, Map<String, String> heads,
                            List<String> topicIds, String summary, EventCoding coding, List<Source> sources,
                            LocalDate endsOn, LocalTime startsAt, LocalTime endsAt, MeetingFormat format,
                            @Required Instant recordedAt) implements NegotiationCommand {

    /** A one-day meeting with sources, without times or format. */
    public RecordMeeting(String negotiationId, String meetingId, LocalDate heldOn, String location,
                         MeetingLevel level, List<String> partyIds, List<String> mediatorIds,
                         Map<String, String> heads, List<String> topicIds, String summary, EventCoding coding,
                         List<Source> sources, Instant recordedAt) {
        this(negotiationId, meetingId, heldOn, location, level, partyIds, mediatorIds, heads, topicIds, summary, coding,
                sources, null, null, null, null, recordedAt);
    }

    /** A meeting without sources. */
    public RecordMeeting(String negotiationId, String meetingId, LocalDate heldOn, String location,
                         MeetingLevel level, List<String> partyIds, List<String> mediatorIds,
                         Map<String, String> heads, List<String> topicIds, String summary, EventCoding coding,
                         Instant recordedAt) {
        this(negotiationId, meetingId, heldOn, location, level, partyIds, mediatorIds, heads, topicIds, summary, coding,
                (List<Source>) null, recordedAt);
    }

    /** A meeting a person recorded. */
    public RecordMeeting(String negotiationId, String meetingId, LocalDate heldOn, String location,
                         MeetingLevel level, List<String> partyIds, List<String> mediatorIds,
                         Map<String, String> heads, List<String> topicIds, String summary, Instant recordedAt) {
        this(negotiationId, meetingId, heldOn, location, level, partyIds, mediatorIds, heads, topicIds, summary, null,
                (List<Source>) null, recordedAt);
    }
}
