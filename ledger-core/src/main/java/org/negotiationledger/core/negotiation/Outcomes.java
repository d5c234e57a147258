package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.AgreementSigned;
import org.negotiationledger.core.api.CloseNegotiation;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeRetracted;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.RecordOutcome;
import org.negotiationledger.core.api.RecordOutcomeStatus;
import org.negotiationledger.core.api.RetractOutcome;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.SignAgreement;
import org.negotiationledger.core.api.Signatory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireDay;
import static org.negotiationledger.core.negotiation.DatePolicy.requireReported;
import static org.negotiationledger.core.negotiation.DatePolicy.requireNotBefore;

/**
 * What the talks came to on their topics (agreements, deadlocks, ...), the agreements signed as
 * documents with their provisions, and what became of each agreement since.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Outcomes {

    private Map<String, OutcomeState> outcomes = new HashMap<>();

    /**
     * What the aggregate remembers of an outcome: the prints of its statuses by their day, and of
     * its retraction, if it was retracted.
     */
    record OutcomeState(long print, OutcomeKind kind, LocalDate reachedOn, List<String> partyIds,
                        Map<LocalDate, Long> statusPrints, Long retractionPrint, boolean signed) {

        boolean retracted() {
            return retractionPrint != null;
        }
    }

    void record(RecordOutcome command, Negotiation negotiation) {
        LocalDate reachedOn = command.reachedOn() != null
                ? command.reachedOn() : negotiation.meetings().dayOf(command.meetingId());
        OutcomeRecorded recorded = new OutcomeRecorded(negotiation.id(), command.outcomeId(), command.kind(),
                command.topicIds(), command.partyIds(), command.terms(), reachedOn, command.meetingId(),
                command.sources(), command.coding());
        OutcomeState known = outcomes.get(command.outcomeId());
        if (Repeats.isRepeat("outcome", command.outcomeId(), known == null ? null : known.print(), recorded,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        String what = "outcome '" + command.outcomeId() + "'";
        recorded.topicIds().forEach(negotiation.membership()::requireRegisteredTopic);
        recorded.partyIds().forEach(negotiation.membership()::requireRegisteredParty);
        if (recorded.topicIds().isEmpty()) {
            throw new RuleViolationException("no-topics", what + " must name at least one topic");
        }
        if (new LinkedHashSet<>(recorded.partyIds()).size() < 2) {
            throw new RuleViolationException("too-few-parties", what + " must name at least two distinct parties, "
                    + "got " + recorded.partyIds());
        }
        negotiation.meetings().requireAtMeeting(command.meetingId(), reachedOn, what, negotiation);
        negotiation.meetings().requireNotRetracted(command.meetingId(), what);
        requireDay(reachedOn, "reachedOn", what);
        negotiation.dates().requireEffectiveDate(reachedOn, what, command.recordedAt());
        requireReported(reachedOn, recorded.sources(), what);
        apply(recorded);
    }

    /**
     * An agreement is the outcome (agreed) on each topic it provides for, under its own id, so that
     * what became of it is recorded and it is retracted as any outcome is. An exchange a provision
     * names is agreed by it, unless it was agreed before.
     */
    void sign(SignAgreement command, Negotiation negotiation) {
        AgreementSigned signed = new AgreementSigned(negotiation.id(), command.agreementId(), command.title(),
                command.signedOn(), command.stage(), command.signatories(), command.provisions(),
                command.meetingId(), command.sources());
        OutcomeState known = outcomes.get(command.agreementId());
        if (Repeats.isRepeat("agreement", command.agreementId(), known == null ? null : known.print(), signed,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        String what = "agreement '" + command.agreementId() + "'";
        for (Signatory signatory : signed.signatories()) {
            negotiation.membership().requireRegisteredParty(signatory.partyId());
            if (signatory.delegateId() != null) {
                negotiation.membership().requireDelegateOf(signatory.delegateId(), signatory.partyId());
            }
        }
        if (signed.partyIds().size() < 2) {
            throw new RuleViolationException("too-few-parties", what + " must be signed by at least two distinct "
                    + "parties, got " + signed.partyIds());
        }
        if (signed.provisions().isEmpty()) {
            throw new RuleViolationException("no-provisions", what + " must provide for at least one topic");
        }
        signed.topicIds().forEach(negotiation.membership()::requireRegisteredTopic);
        negotiation.meetings().requireAtMeeting(command.meetingId(), command.signedOn(), what, negotiation);
        negotiation.meetings().requireNotRetracted(command.meetingId(), what);
        negotiation.dates().requireEffectiveDate(command.signedOn(), what, command.recordedAt());
        requireReported(command.signedOn(), signed.sources(), what);
        for (String exchangeId : signed.provisions().stream().map(Provision::exchangeId).filter(Objects::nonNull)
                .distinct().toList()) {
            if (!negotiation.exchanges().isAgreed(exchangeId, negotiation)) {
                negotiation.exchanges().agree(new AgreeExchange(negotiation.id(), exchangeId, signed.partyIds(),
                        command.signedOn(), command.meetingId(), signed.sources(), command.recordedAt()), negotiation);
            }
        }
        apply(signed);
    }

    void recordStatus(RecordOutcomeStatus command, Negotiation negotiation) {
        OutcomeState outcome = require(command.outcomeId(), negotiation);
        OutcomeStatusRecorded recorded = new OutcomeStatusRecorded(negotiation.id(), command.outcomeId(),
                command.status(), command.since(), command.note(), command.sources());
        String what = "the status of outcome '" + command.outcomeId() + "' from " + command.since();
        if (Repeats.isRepeatOfTheDay(outcome.statusPrints().get(command.since()), recorded,
                what + " is already recorded with other content")) {
            return;
        }
        negotiation.requireOpen();
        if (outcome.retracted()) {
            throw new RuleViolationException("outcome-retracted", "outcome '" + command.outcomeId()
                    + "' is retracted and nothing more can become of it");
        }
        if (outcome.kind() != OutcomeKind.AGREED) {
            throw new RuleViolationException("not-an-agreement", "outcome '" + command.outcomeId()
                    + "' records no agreement, so nothing can become of it");
        }
        negotiation.dates().requireEffectiveDate(command.since(), what, command.recordedAt());
        requireNotBefore(command.since(), outcome.reachedOn(), what, "it was reached");
        requireReported(command.since(), recorded.sources(), what);
        apply(recorded);
    }

    void retract(RetractOutcome command, Negotiation negotiation) {
        OutcomeState outcome = require(command.outcomeId(), negotiation);
        OutcomeRetracted retracted = new OutcomeRetracted(negotiation.id(), command.outcomeId(), outcome.partyIds(),
                command.reason());
        if (Repeats.isRepeat(outcome.retractionPrint(), retracted, () -> new RuleViolationException(
                "outcome-retracted", "outcome '" + command.outcomeId() + "' is retracted and cannot be retracted "
                + "again"))) {
            return;
        }
        // A closed negotiation still takes retractions, with their reasons: a report found false later.
        apply(retracted);
    }

    /** A closure that names an agreement ends with one: an agreement signed, standing, by the closing day. */
    void requireClosingAgreement(CloseNegotiation command) {
        if (command.agreementId() == null) {
            return;
        }
        String what = "the closure of negotiation '" + command.negotiationId() + "'";
        if (command.outcome() != Outcome.AGREEMENT) {
            throw new RuleViolationException("closing-agreement", what + " names agreement '" + command.agreementId()
                    + "' but ends " + command.outcome() + ", not AGREEMENT");
        }
        OutcomeState agreement = outcomes.get(command.agreementId());
        if (agreement == null || !agreement.signed() || agreement.retracted()) {
            throw new RuleViolationException("closing-agreement", what + " names agreement '"
                    + command.agreementId() + "', which is " + (agreement == null || !agreement.signed()
                    ? "not an agreement signed in it" : "retracted"));
        }
        requireNotBefore(command.closedOn(), agreement.reachedOn(), what, "the agreement was signed");
    }

    /** A body an agreement made came about with it: an agreement signed, standing, by the body's day. */
    void requireMadeBy(String agreementId, LocalDate day, String what) {
        OutcomeState agreement = outcomes.get(agreementId);
        if (agreement == null || !agreement.signed() || agreement.retracted()) {
            throw new RuleViolationException("unknown-agreement", what + " names agreement '" + agreementId
                    + "', which is " + (agreement == null || !agreement.signed() ? "not an agreement signed in it"
                    : "retracted"));
        }
        requireNotBefore(day, agreement.reachedOn(), what, "the agreement was signed");
    }

    private OutcomeState require(String outcomeId, Negotiation negotiation) {
        OutcomeState outcome = outcomes.get(outcomeId);
        if (outcome == null) {
            throw RuleViolationException.unknown("outcome", outcomeId, negotiation.id());
        }
        return outcome;
    }

    @EventSourcingHandler
    void on(OutcomeRecorded event) {
        outcomes.put(event.outcomeId(), new OutcomeState(Fingerprint.of(event), event.kind(), event.reachedOn(),
                event.partyIds(), Map.of(), null, false));
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        outcomes.put(event.agreementId(), new OutcomeState(Fingerprint.of(event), OutcomeKind.AGREED,
                event.signedOn(), event.partyIds(), Map.of(), null, true));
    }

    @EventSourcingHandler
    void on(OutcomeStatusRecorded event) {
        outcomes.computeIfPresent(event.outcomeId(), (id, outcome) -> {
            Map<LocalDate, Long> statuses = new HashMap<>(outcome.statusPrints());
            statuses.put(event.since(), Fingerprint.of(event));
            return new OutcomeState(outcome.print(), outcome.kind(), outcome.reachedOn(), outcome.partyIds(), statuses,
                    outcome.retractionPrint(), outcome.signed());
        });
    }

    @EventSourcingHandler
    void on(OutcomeRetracted event) {
        outcomes.computeIfPresent(event.outcomeId(), (id, outcome) -> new OutcomeState(outcome.print(),
                outcome.kind(), outcome.reachedOn(), outcome.partyIds(), outcome.statusPrints(),
                Fingerprint.of(event), outcome.signed()));
    }
}
