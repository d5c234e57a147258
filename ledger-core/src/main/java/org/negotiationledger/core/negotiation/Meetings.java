package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.RecordMeeting;
import org.negotiationledger.core.api.RetractMeeting;
import org.negotiationledger.core.api.RuleViolationException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The meetings of a negotiation: who met on which day, and which meetings were retracted. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Meetings {

    private Map<String, MeetingState> meetings = new HashMap<>();

    /** What the aggregate remembers of a meeting, and of its retraction if it was retracted. */
    record MeetingState(long print, LocalDate heldOn, List<String> partyIds, Long retractionPrint) {

        boolean retracted() {
            return retractionPrint != null;
        }
    }

    void record(RecordMeeting command, Negotiation negotiation) {
        MeetingHeld held = new MeetingHeld(negotiation.id(), command.meetingId(), command.heldOn(),
                command.location(), command.level(), command.partyIds(), command.mediatorIds(), command.heads(),
                command.topicIds(), command.summary(), command.coding(), command.sources());
        MeetingState known = meetings.get(command.meetingId());
        if (Repeats.isRepeat("meeting", command.meetingId(), known == null ? null : known.print(), held,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        held.partyIds().forEach(negotiation::requireRegisteredParty);
        held.mediatorIds().forEach(negotiation::requireRegisteredParty);
        held.topicIds().forEach(negotiation::requireRegisteredTopic);
        held.heads().forEach((partyId, delegateId) -> {
            if (!held.partyIds().contains(partyId) && !held.mediatorIds().contains(partyId)) {
                throw new RuleViolationException("head-of-absent-party", "meeting '" + command.meetingId()
                        + "' names a head for party '" + partyId + "', which is not among its parties or mediators");
            }
            negotiation.requireDelegateOf(delegateId, partyId);
        });
        negotiation.dates().requireEffectiveDate(command.heldOn(), "meeting '" + command.meetingId() + "'",
                command.recordedAt());
        DatePolicy.requireReported(command.heldOn(), held.sources(), "meeting '" + command.meetingId() + "'");
        apply(held);
    }

    void retract(RetractMeeting command, Negotiation negotiation) {
        MeetingState meeting = require(command.meetingId(), negotiation);
        MeetingRetracted retracted = new MeetingRetracted(negotiation.id(), command.meetingId(), meeting.partyIds(),
                command.reason());
        if (Repeats.isRepeat(meeting.retractionPrint(), retracted, () -> new RuleViolationException(
                "meeting-retracted", "meeting '" + command.meetingId() + "' is retracted and cannot be retracted "
                + "again"))) {
            return;
        }
        // A closed negotiation still takes retractions, with their reasons: a report found false later.
        apply(retracted);
    }

    /** The day of a meeting, if it is recorded: what a record made at it takes when it names no day. */
    LocalDate dayOf(String meetingId) {
        MeetingState meeting = meetingId == null ? null : meetings.get(meetingId);
        return meeting == null ? null : meeting.heldOn();
    }

    MeetingState require(String meetingId, Negotiation negotiation) {
        MeetingState meeting = meetings.get(meetingId);
        if (meeting == null) {
            throw negotiation.unknown("meeting", meetingId);
        }
        return meeting;
    }

    /** A record made at a meeting carries the meeting's day. */
    void requireAtMeeting(String meetingId, LocalDate date, String what, Negotiation negotiation) {
        if (meetingId == null) {
            return;
        }
        MeetingState meeting = require(meetingId, negotiation);
        if (date != null && !date.equals(meeting.heldOn())) {
            throw new RuleViolationException("not-the-meeting-day", "the date " + date + " of " + what
                    + " is not the day of meeting '" + meetingId + "' (" + meeting.heldOn() + ")");
        }
    }

    /** Nothing new is recorded at a meeting that was retracted. */
    void requireNotRetracted(String meetingId, String what) {
        MeetingState meeting = meetingId == null ? null : meetings.get(meetingId);
        if (meeting != null && meeting.retracted()) {
            throw new RuleViolationException("meeting-retracted", what + " names meeting '" + meetingId
                    + "', which is retracted");
        }
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        meetings.put(event.meetingId(), new MeetingState(Fingerprint.of(event), event.heldOn(),
                event.involvedParties(), null));
    }

    @EventSourcingHandler
    void on(MeetingRetracted event) {
        meetings.computeIfPresent(event.meetingId(), (id, meeting) -> new MeetingState(meeting.print(),
                meeting.heldOn(), meeting.partyIds(), Fingerprint.of(event)));
    }
}
