package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.CorrectStatement;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RetractStatement;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireDay;
import static org.negotiationledger.core.negotiation.DatePolicy.requireNotAfterPublication;
import static org.negotiationledger.core.negotiation.DatePolicy.requireReported;
import static org.negotiationledger.core.negotiation.DatePolicy.requireValidUntil;

/** What the parties said, each statement with its corrections and its retraction, if any. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Statements {

    private Map<String, StatementState> statements = new HashMap<>();
    private Map<String, Long> corrections = new HashMap<>();
    /** The prints of the corrections' content without their ids, to know a retried correction without an id. */
    private Set<Long> correctionContents = new HashSet<>();

    /** What the aggregate remembers of a statement; the dates are those of its current version. */
    record StatementState(String partyId, String topicId, long print, LocalDate publishedOn, String meetingId,
                          LocalDate effectiveOn, LocalDate validUntil, Long retractionPrint) {

        boolean retracted() {
            return retractionPrint != null;
        }
    }

    void record(RecordStatement command, Negotiation negotiation) {
        LocalDate effectiveOn = command.effectiveOn() != null
                ? command.effectiveOn() : negotiation.meetings().dayOf(command.meetingId());
        StatementRecorded recorded = new StatementRecorded(negotiation.id(), command.statementId(),
                command.partyId(), command.delegateId(), command.topicId(), command.stance(), command.summary(),
                command.conditions(), command.offer(), effectiveOn, command.sources(), command.note(),
                command.meetingId(), command.validUntil(), command.coding(), command.counterpartId(),
                command.effectiveAt(), command.links());
        StatementState known = statements.get(command.statementId());
        if (Repeats.isRepeat("statement", command.statementId(), known == null ? null : known.print(), recorded,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        negotiation.membership().requireRegisteredParty(command.partyId());
        negotiation.membership().requireRegisteredTopic(command.topicId());
        if (command.delegateId() != null) {
            negotiation.membership().requireDelegateOf(command.delegateId(), command.partyId());
        }
        if (command.coding() != null && command.coding().targetPartyId() != null) {
            negotiation.membership().requireRegisteredParty(command.coding().targetPartyId());
        }
        String what = "statement '" + command.statementId() + "'";
        if (command.counterpartId() != null) {
            negotiation.membership().requireRegisteredParty(command.counterpartId());
            if (command.counterpartId().equals(command.partyId())) {
                throw new RuleViolationException("addressed-to-itself", what + " is addressed to party '"
                        + command.partyId() + "', which makes it; name another party as its counterpart");
            }
        }
        requireLinkable(recorded, negotiation, what);
        negotiation.meetings().requireAtMeeting(command.meetingId(), effectiveOn, what, negotiation);
        negotiation.meetings().requireNotRetracted(command.meetingId(), what);
        requireDay(effectiveOn, "effectiveOn", what);
        requireWellFormed(command.offer(), what);
        negotiation.dates().requireEffectiveDate(effectiveOn, what, command.recordedAt());
        requireReported(effectiveOn, recorded.sources(), what);
        requireValidUntil(command.validUntil(), effectiveOn, what);
        apply(recorded);
    }

    void correct(CorrectStatement command, Negotiation negotiation) {
        StatementState statement = require(command.statementId(), negotiation);
        StatementCorrected unnamed = new StatementCorrected(negotiation.id(), command.statementId(), null,
                statement.partyId(), statement.topicId(), command.changes(), command.reason());
        if (command.correctionId() == null && correctionContents.contains(Fingerprint.of(unnamed))) {
            return;
        }
        String correctionId = command.correctionId() != null
                ? command.correctionId()
                : "c-" + Fingerprint.hex(unnamed);
        StatementCorrected corrected = new StatementCorrected(negotiation.id(), command.statementId(),
                correctionId, statement.partyId(), statement.topicId(), command.changes(), command.reason());
        if (Repeats.isRepeat("correction", correctionId, corrections.get(correctionId), corrected,
                negotiation.id())) {
            return;
        }
        if (statement.retracted()) {
            throw retracted(command.statementId(), "corrected");
        }
        if (command.changes() == null || command.changes().changesNothing()) {
            throw new RuleViolationException("empty-correction", "a correction of statement '"
                    + command.statementId() + "' must change at least one of stance, summary, offer, conditions, "
                    + "effectiveOn, validUntil or sources");
        }
        String what = "the correction of statement '" + command.statementId() + "'";
        LocalDate effectiveOn = command.changes().effectiveOn();
        if (effectiveOn != null) {
            negotiation.meetings().requireAtMeeting(statement.meetingId(), effectiveOn, what, negotiation);
            negotiation.dates().requireEffectiveDate(effectiveOn, what, command.recordedAt());
        }
        LocalDate day = effectiveOn != null ? effectiveOn : statement.effectiveOn();
        if (command.changes().sources() != null) {
            requireReported(day, command.changes().sources(), what);
        } else if (effectiveOn != null) {
            requireNotAfterPublication(effectiveOn, statement.publishedOn(), what);
        }
        requireWellFormed(command.changes().offer(), what);
        LocalDate validUntil = command.changes().validUntil() != null
                ? command.changes().validUntil() : statement.validUntil();
        requireValidUntil(validUntil, effectiveOn != null ? effectiveOn : statement.effectiveOn(), what);
        apply(corrected);
    }

    void retract(RetractStatement command, Negotiation negotiation) {
        StatementState statement = require(command.statementId(), negotiation);
        StatementRetracted retracted = new StatementRetracted(negotiation.id(), command.statementId(),
                statement.partyId(), statement.topicId(), command.reason());
        if (Repeats.isRepeat(statement.retractionPrint(), retracted,
                () -> retracted(command.statementId(), "retracted again"))) {
            return;
        }
        // A closed negotiation still takes retractions, with their reasons: a report found false later.
        apply(retracted);
    }

    /** Each link names a registered topic, a record of the negotiation (not the statement itself), or both. */
    private void requireLinkable(StatementRecorded recorded, Negotiation negotiation, String what) {
        for (StatementLink link : recorded.links()) {
            if (link.topicId() == null && link.recordId() == null) {
                throw new RuleViolationException("empty-link", what + " has a link (" + link.kind()
                        + ") that names neither a topicId nor a recordId");
            }
            if (link.topicId() != null) {
                negotiation.membership().requireRegisteredTopic(link.topicId());
            }
            String id = link.recordId();
            if (id != null && (id.equals(recorded.statementId()) || !statements.containsKey(id)
                    && !negotiation.meetings().knows(id) && !negotiation.exchanges().knows(id))) {
                throw new RuleViolationException("unknown-record", what + " links to '" + id + "', which is no "
                        + "other statement, meeting or exchange of negotiation '" + negotiation.id() + "'");
            }
        }
    }

    private StatementState require(String statementId, Negotiation negotiation) {
        StatementState statement = statements.get(statementId);
        if (statement == null) {
            throw RuleViolationException.unknown("statement", statementId, negotiation.id());
        }
        return statement;
    }

    private static RuleViolationException retracted(String statementId, String action) {
        return new RuleViolationException("statement-retracted", "statement '" + statementId
                + "' is retracted and cannot be " + action);
    }

    /** An offer is one value or a range from min to max, not both, with min not above max. */
    private static void requireWellFormed(Offer offer, String what) {
        if (offer == null) {
            return;
        }
        boolean value = offer.value() != null;
        boolean range = offer.min() != null || offer.max() != null;
        if (value == range || (range && (offer.min() == null || offer.max() == null))) {
            throw new RuleViolationException("invalid-offer", "the offer of " + what
                    + " must have either a value or both min and max");
        }
        if (range && offer.min().compareTo(offer.max()) > 0) {
            throw new RuleViolationException("invalid-offer", "the offer of " + what + " has min "
                    + offer.min().toPlainString() + " above max " + offer.max().toPlainString());
        }
    }

    @EventSourcingHandler
    void on(StatementRecorded event) {
        LocalDate publishedOn = Source.firstPublished(event.sources());
        statements.put(event.statementId(), new StatementState(event.partyId(), event.topicId(),
                Fingerprint.of(event), publishedOn, event.meetingId(), event.effectiveOn(), event.validUntil(), null));
    }

    @EventSourcingHandler
    void on(StatementCorrected event) {
        corrections.put(event.correctionId(), Fingerprint.of(event));
        correctionContents.add(Fingerprint.of(new StatementCorrected(event.negotiationId(), event.statementId(), null,
                event.partyId(), event.topicId(), event.changes(), event.reason())));
        List<Source> sources = event.changes().sources();
        statements.computeIfPresent(event.statementId(), (id, statement) -> new StatementState(statement.partyId(),
                statement.topicId(), statement.print(),
                sources != null ? Source.firstPublished(sources) : statement.publishedOn(), statement.meetingId(),
                event.changes().effectiveOn() != null ? event.changes().effectiveOn() : statement.effectiveOn(),
                event.changes().validUntil() != null ? event.changes().validUntil() : statement.validUntil(),
                statement.retractionPrint()));
    }

    @EventSourcingHandler
    void on(StatementRetracted event) {
        statements.computeIfPresent(event.statementId(), (id, statement) -> new StatementState(statement.partyId(),
                statement.topicId(), statement.print(), statement.publishedOn(), statement.meetingId(),
                statement.effectiveOn(), statement.validUntil(), Fingerprint.of(event)));
    }
}
