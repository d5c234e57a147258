package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A round of talks; {@code heads} maps a party to the delegate who led its side. Revision 2 added
 * {@code coding}: what a machine coded, for a meeting brought in from event data. Revision 3 added
 * {@code sources}: every report of the meeting; an earlier revision's meeting has none. Revision 4
 * added when and how it was held: {@code endsOn}, the last day of a round of several days (null: one
 * day), {@code startsAt} and {@code endsAt}, the times of day when the sources give them, and its
 * {@code format}; an earlier revision's meeting has none of them.
 */
@Revision("4")
public record MeetingHeld(@Required String negotiationId, @Required String meetingId, @Required LocalDate heldOn,
                          String location, @Required MeetingLevel level, @Required List<String> partyIds,
                          List<String> mediatorIds, Map<String, String> heads, List<String> topicIds, String summary,
                          EventCoding coding, List<Source> sources, LocalDate endsOn, LocalTime startsAt,
                          LocalTime endsAt, MeetingFormat format) implements NegotiationEvent {

    /** A meeting as revision 3 knew it: one day, no times, no format. */
    public MeetingHeld(String negotiationId, String meetingId, LocalDate heldOn, String location, MeetingLevel level,
                       List<String> partyIds, List<String> mediatorIds, Map<String, String> heads,
                       List<String> topicIds, String summary, EventCoding coding, List<Source> sources) {
        this(negotiationId, meetingId, heldOn, location, level, partyIds, mediatorIds, heads, topicIds, summary,
                coding, sources, null, null, null, null);
    }

    /** A meeting as revision 2 knew it, without sources. */
    public MeetingHeld(String negotiationId, String meetingId, LocalDate heldOn, String location, MeetingLevel level,
                       List<String> partyIds, List<String> mediatorIds, Map<String, String> heads,
                       List<String> topicIds, String summary, EventCoding coding) {
        this(negotiationId, meetingId, heldOn, location, level, partyIds, mediatorIds, heads, topicIds, summary,
                coding, null);
    }

    /** A meeting a person recorded. */
    public MeetingHeld(String negotiationId, String meetingId, LocalDate heldOn, String location, MeetingLevel level,
                       List<String> partyIds, List<String> mediatorIds, Map<String, String> heads,
                       List<String> topicIds, String summary) {
        this(negotiationId, meetingId, heldOn, location, level, partyIds, mediatorIds, heads, topicIds, summary,
                null);
    }

    public MeetingHeld {
        partyIds = Collections2.list(partyIds);
        mediatorIds = Collections2.list(mediatorIds);
        heads = Collections2.sortedMap(heads);
        topicIds = Collections2.list(topicIds);
        sources = Collections2.list(sources);
    }

    @Override
    public LocalDate effectiveDate() {
        return heldOn;
    }

    /** The last day of the meeting: {@code endsOn}, or the one day it was held. */
    public LocalDate lastDay() {
        return endsOn == null ? heldOn : endsOn;
    }

    @Override
    public List<String> involvedParties() {
        return Collections2.union(partyIds, mediatorIds);
    }
}
