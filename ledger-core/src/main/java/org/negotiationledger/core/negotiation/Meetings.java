package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.CorroborateMeeting;
import org.negotiationledger.core.api.CorroborationRetracted;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.MeetingCorroborated;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.RecordMeeting;
import org.negotiationledger.core.api.RetractCorroboration;
import org.negotiationledger.core.api.RetractMeeting;
import org.negotiationledger.core.api.RuleViolationException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The meetings of a negotiation: who met on which day, which meetings were retracted, and the
 * reports added to them later (corroborations). A corroboration concerns its meeting alone, so its
 * commands are handled here, without the root: it is taken after the negotiation's closure too, as
 * a correction is.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Meetings {

    private Map<String, MeetingState> meetings = new HashMap<>();
    /** The print of each corroboration, by its meeting's id and its own ("m-1 c-1"). */
    private Map<String, Long> corroborations = new HashMap<>();
    /** The print of each corroboration's retraction, by the same key. */
    private Map<String, Long> corroborationRetractions = new HashMap<>();

    /** What the aggregate remembers of a meeting (its first and last day), and of its retraction, if any. */
    record MeetingState(long print, LocalDate heldOn, LocalDate lastDay, List<String> partyIds, Long retractionPrint) {

        boolean retracted() {
            return retractionPrint != null;
        }
    }

    /** Whether the negotiation has a meeting by this id, retracted or not. */
    boolean knows(String meetingId) {
        return meetings.containsKey(meetingId);
    }

    void record(RecordMeeting command, Negotiation negotiation) {
        MeetingHeld held = new MeetingHeld(negotiation.id(), command.meetingId(), command.heldOn(),
                command.location(), command.level(), command.partyIds(), command.mediatorIds(), command.heads(),
                command.topicIds(), command.summary(), command.coding(), command.sources(), command.endsOn(),
                command.startsAt(), command.endsAt(), command.format());
        MeetingState known = meetings.get(command.meetingId());
        if (Repeats.isRepeat("meeting", command.meetingId(), known == null ? null : known.print(), held,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        held.partyIds().forEach(negotiation.membership()::requireRegisteredParty);
        held.mediatorIds().forEach(negotiation.membership()::requireRegisteredParty);
        held.topicIds().forEach(negotiation.membership()::requireRegisteredTopic);
        held.heads().forEach((partyId, delegateId) -> {
            if (!held.partyIds().contains(partyId) && !held.mediatorIds().contains(partyId)) {
                throw new RuleViolationException("head-of-absent-party", "meeting '" + command.meetingId()
                        + "' names a head for party '" + partyId + "', which is not among its parties or mediators");
            }
            negotiation.membership().requireDelegateOf(delegateId, partyId);
        });
        negotiation.dates().requireEffectiveDate(command.heldOn(), "meeting '" + command.meetingId() + "'",
                command.recordedAt());
        requireTimes(held, command);
        DatePolicy.requireReported(command.heldOn(), held.sources(), "meeting '" + command.meetingId() + "'");
        apply(held);
    }

    /** A round of several days ends after it began and by the day it is recorded; a day's end follows its start. */
    private static void requireTimes(MeetingHeld held, RecordMeeting command) {
        String what = "meeting '" + held.meetingId() + "'";
        if (held.endsOn() != null) {
            DatePolicy.requireNotBefore(held.endsOn(), held.heldOn(), "the end of " + what, "it began");
            DatePolicy.requireNotAfterRecording(held.endsOn(), "the end of " + what, command.recordedAt());
        }
        if (held.startsAt() != null && held.endsAt() != null && held.lastDay().equals(held.heldOn())
                && !held.endsAt().isAfter(held.startsAt())) {
            throw new RuleViolationException("ends-before-it-begins", what + " ends at " + held.endsAt()
                    + ", not after it begins at " + held.startsAt());
        }
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

    @CommandHandler
    void handle(CorroborateMeeting command) {
        MeetingState meeting = require(command.negotiationId(), command.meetingId());
        MeetingCorroborated corroborated = new MeetingCorroborated(command.negotiationId(), command.meetingId(),
                command.corroborationId(), meeting.partyIds(), command.sources(), command.coding());
        String key = command.meetingId() + " " + command.corroborationId();
        if (Repeats.isRepeat(corroborations.get(key), corroborated, () -> new IdConflictException("id-conflict",
                "corroboration '" + command.corroborationId() + "' of meeting '" + command.meetingId()
                        + "' already exists with other content"))) {
            return;
        }
        requireNotRetracted(command.meetingId(), "corroboration '" + command.corroborationId() + "'");
        if (command.sources().isEmpty()) {
            throw new InvalidValueException("sources", "must name at least one report of the meeting");
        }
        DatePolicy.requireReported(meeting.heldOn(), command.sources(), "meeting '" + command.meetingId() + "'");
        apply(corroborated);
    }

    @CommandHandler
    void handle(RetractCorroboration command) {
        MeetingState meeting = require(command.negotiationId(), command.meetingId());
        String key = command.meetingId() + " " + command.corroborationId();
        if (!corroborations.containsKey(key)) {
            throw new RuleViolationException("unknown-corroboration", "meeting '" + command.meetingId()
                    + "' has no corroboration '" + command.corroborationId() + "'");
        }
        CorroborationRetracted retracted = new CorroborationRetracted(command.negotiationId(), command.meetingId(),
                command.corroborationId(), meeting.partyIds(), command.reason());
        if (Repeats.isRepeat(corroborationRetractions.get(key), retracted, () -> new RuleViolationException(
                "corroboration-retracted", "corroboration '" + command.corroborationId() + "' is retracted and "
                + "cannot be retracted again"))) {
            return;
        }
        apply(retracted);
    }

    /** The day of a meeting, if it is recorded: what a record made at it takes when it names no day. */
    LocalDate dayOf(String meetingId) {
        MeetingState meeting = meetingId == null ? null : meetings.get(meetingId);
        return meeting == null ? null : meeting.heldOn();
    }

    MeetingState require(String meetingId, Negotiation negotiation) {
        return require(negotiation.id(), meetingId);
    }

    private MeetingState require(String negotiationId, String meetingId) {
        MeetingState meeting = meetings.get(meetingId);
        if (meeting == null) {
            throw new RuleViolationException("unknown-meeting", "meeting '" + meetingId
                    + "' does not exist in negotiation '" + negotiationId + "'");
        }
        return meeting;
    }

    /** A record made at a meeting carries the meeting's day. */
    void requireAtMeeting(String meetingId, LocalDate date, String what, Negotiation negotiation) {
        if (meetingId == null) {
            return;
        }
        MeetingState meeting = require(meetingId, negotiation);
        if (date != null && (date.isBefore(meeting.heldOn()) || date.isAfter(meeting.lastDay()))) {
            throw new RuleViolationException("not-the-meeting-day", "the date " + date + " of " + what
                    + " is not " + (meeting.lastDay().equals(meeting.heldOn()) ? "the day of meeting '" + meetingId
                    + "' (" + meeting.heldOn() : "a day of meeting '" + meetingId + "' (" + meeting.heldOn() + " to "
                    + meeting.lastDay()) + ")");
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
        meetings.put(event.meetingId(), new MeetingState(Fingerprint.of(event), event.heldOn(), event.lastDay(),
                event.involvedParties(), null));
    }

    @EventSourcingHandler
    void on(MeetingRetracted event) {
        meetings.computeIfPresent(event.meetingId(), (id, meeting) -> new MeetingState(meeting.print(),
                meeting.heldOn(), meeting.lastDay(), meeting.partyIds(), Fingerprint.of(event)));
    }

    @EventSourcingHandler
    void on(MeetingCorroborated event) {
        corroborations.put(event.meetingId() + " " + event.corroborationId(), Fingerprint.of(event));
    }

    @EventSourcingHandler
    void on(CorroborationRetracted event) {
        corroborationRetractions.put(event.meetingId() + " " + event.corroborationId(), Fingerprint.of(event));
    }
}
