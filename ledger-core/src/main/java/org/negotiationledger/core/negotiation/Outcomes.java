package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeRetracted;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.RecordOutcome;
import org.negotiationledger.core.api.RecordOutcomeStatus;
import org.negotiationledger.core.api.RetractOutcome;
import org.negotiationledger.core.api.RuleViolationException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireDay;
import static org.negotiationledger.core.negotiation.DatePolicy.requireReported;
import static org.negotiationledger.core.negotiation.DatePolicy.requireNotBefore;

/** What the talks came to on their topics (agreements, deadlocks, ...), and what became of each agreement since. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Outcomes {

    private Map<String, OutcomeState> outcomes = new HashMap<>();

    /**
     * What the aggregate remembers of an outcome: the prints of its statuses by their day, and of
     * its retraction, if it was retracted.
     */
    record OutcomeState(long print, OutcomeKind kind, LocalDate reachedOn, List<String> partyIds,
                        Map<LocalDate, Long> statusPrints, Long retractionPrint) {

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
        recorded.topicIds().forEach(negotiation::requireRegisteredTopic);
        recorded.partyIds().forEach(negotiation::requireRegisteredParty);
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

    private OutcomeState require(String outcomeId, Negotiation negotiation) {
        OutcomeState outcome = outcomes.get(outcomeId);
        if (outcome == null) {
            throw negotiation.unknown("outcome", outcomeId);
        }
        return outcome;
    }

    @EventSourcingHandler
    void on(OutcomeRecorded event) {
        outcomes.put(event.outcomeId(), new OutcomeState(Fingerprint.of(event), event.kind(), event.reachedOn(),
                event.partyIds(), Map.of(), null));
    }

    @EventSourcingHandler
    void on(OutcomeStatusRecorded event) {
        outcomes.computeIfPresent(event.outcomeId(), (id, outcome) -> {
            Map<LocalDate, Long> statuses = new HashMap<>(outcome.statusPrints());
            statuses.put(event.since(), Fingerprint.of(event));
            return new OutcomeState(outcome.print(), outcome.kind(), outcome.reachedOn(), outcome.partyIds(), statuses,
                    outcome.retractionPrint());
        });
    }

    @EventSourcingHandler
    void on(OutcomeRetracted event) {
        outcomes.computeIfPresent(event.outcomeId(), (id, outcome) -> new OutcomeState(outcome.print(),
                outcome.kind(), outcome.reachedOn(), outcome.partyIds(), outcome.statusPrints(),
                Fingerprint.of(event)));
    }
}
