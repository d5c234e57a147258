package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A party's statement on a topic. Revision 2 added {@code meetingId} (the meeting it was made at,
 * whose day is its effective date), {@code validUntil} (the last day a proposal holds) and
 * ranges in the offer; a revision-1 event has none of them. Revision 3 added {@code coding}: what a
 * machine coded, for a statement brought in from event data; none for a statement a person recorded.
 * Revision 4 turned the one {@code source} into a list, {@code sources}: every report of the
 * statement; a revision-3 event's source is the list's only entry, or the list is empty.
 * Revision 5 added {@code counterpartId}, the party the statement is addressed to (for a statement
 * from event data, the party its action was aimed at), and {@code effectiveAt}, the time of day it
 * was made, and {@code links}, what its position depends on (topics, other records); a revision-4
 * event is addressed to its coding's target party, if any, at no time given, and links to nothing.
 */
@Revision("5")
public record StatementRecorded(@Required String negotiationId, @Required String statementId, @Required String partyId,
                                String delegateId, @Required String topicId, @Required Stance stance,
                                @Required String summary, String conditions, Offer offer,
                                @Required LocalDate effectiveOn, List<Source> sources, String note,
                                String meetingId, LocalDate validUntil, EventCoding coding, String counterpartId,
                                LocalTime effectiveAt, List<StatementLink> links)
        implements NegotiationEvent {

    /** A statement as revision 4 knew it: addressed to no one, at no time of day. */
    public StatementRecorded(String negotiationId, String statementId, String partyId, String delegateId,
                             String topicId, Stance stance, String summary, String conditions, Offer offer,
                             LocalDate effectiveOn, List<Source> sources, String note, String meetingId,
                             LocalDate validUntil, EventCoding coding) {
        this(negotiationId, statementId, partyId, delegateId, topicId, stance, summary, conditions, offer,
                effectiveOn, sources, note, meetingId, validUntil, coding, null, null, null);
    }

    /** A statement a person recorded, as revision 2 knew it. */
    public StatementRecorded(String negotiationId, String statementId, String partyId, String delegateId,
                             String topicId, Stance stance, String summary, String conditions, Offer offer,
                             LocalDate effectiveOn, List<Source> sources, String note, String meetingId,
                             LocalDate validUntil) {
        this(negotiationId, statementId, partyId, delegateId, topicId, stance, summary, conditions, offer,
                effectiveOn, sources, note, meetingId, validUntil, null);
    }

    /** A statement as revision 1 knew it: at no meeting, without a deadline. */
    public StatementRecorded(String negotiationId, String statementId, String partyId, String delegateId,
                             String topicId, Stance stance, String summary, String conditions, Offer offer,
                             LocalDate effectiveOn, List<Source> sources, String note) {
        this(negotiationId, statementId, partyId, delegateId, topicId, stance, summary, conditions, offer,
                effectiveOn, sources, note, null, null, null);
    }

    public StatementRecorded {
        sources = Collections2.list(sources);
        links = Collections2.list(links);
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }

    @Override
    public List<String> involvedParties() {
        return counterpartId == null ? List.of(partyId) : List.of(partyId, counterpartId);
    }
}
