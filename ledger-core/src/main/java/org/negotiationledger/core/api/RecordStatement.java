package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Records a party's public position on a topic, as a source reported it. The delegate is optional:
 * a ministry's communiqué speaks for the party without one. A statement made at a recorded meeting
 * names it, and its effective date is the meeting's day; {@code validUntil} is the last day a
 * proposal holds.
 * {@code coding} is set for a statement brought in from event data: what a machine coded.
 * {@code sources} are every report of it, none or many. {@code counterpartId} is the party it is
 * addressed to, if it is addressed to one; {@code effectiveAt} the time of day it was made, if known,
 * which decides between statements of the same day; {@code links} what its position depends on.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordStatement(@TargetAggregateIdentifier @Required String negotiationId, @Required String statementId,
                              @Required String partyId, String delegateId, @Required String topicId,
                              @Required Stance stance, @Required String summary, String conditions, Offer offer,
                              LocalDate effectiveOn, List<Source> sources, String note, String meetingId,
                              LocalDate validUntil, EventCoding coding, String counterpartId, LocalTime effectiveAt,
                              List<StatementLink> links, @Required Instant recordedAt) implements NegotiationCommand {

    /** A statement addressed to no one, at no time of day, linked to nothing. */
    public RecordStatement(String negotiationId, String statementId, String partyId, String delegateId,
                           String topicId, Stance stance, String summary, String conditions, Offer offer,
                           LocalDate effectiveOn, List<Source> sources, String note, String meetingId,
                           LocalDate validUntil, EventCoding coding, Instant recordedAt) {
        this(negotiationId, statementId, partyId, delegateId, topicId, stance, summary, conditions, offer,
                effectiveOn, sources, note, meetingId, validUntil, coding, null, null, null, recordedAt);
    }

    /** A statement a person recorded. */
    public RecordStatement(String negotiationId, String statementId, String partyId, String delegateId,
                           String topicId, Stance stance, String summary, String conditions, Offer offer,
                           LocalDate effectiveOn, List<Source> sources, String note, String meetingId,
                           LocalDate validUntil, Instant recordedAt) {
        this(negotiationId, statementId, partyId, delegateId, topicId, stance, summary, conditions, offer,
                effectiveOn, sources, note, meetingId, validUntil, null, null, null, null, recordedAt);
    }

    /** A statement at no meeting and without a deadline. */
    public RecordStatement(String negotiationId, String statementId, String partyId, String delegateId,
                           String topicId, Stance stance, String summary, String conditions, Offer offer,
                           LocalDate effectiveOn, List<Source> sources, String note, Instant recordedAt) {
        this(negotiationId, statementId, partyId, delegateId, topicId, stance, summary, conditions, offer,
                effectiveOn, sources, note, null, null, null, null, null, null, recordedAt);
    }
}
