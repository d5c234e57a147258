package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.ChangeDelegateTitle;
import org.negotiationledger.core.api.ChangePartyRole;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeRetracted;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.RecordOutcome;
import org.negotiationledger.core.api.RecordOutcomeStatus;
import org.negotiationledger.core.api.RecordPartyLeaving;
import org.negotiationledger.core.api.CloseNegotiation;
import org.negotiationledger.core.api.CorrectStatement;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.OpenNegotiation;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.core.api.ProposeExchange;
import org.negotiationledger.core.api.RecordExchangeExecution;
import org.negotiationledger.core.api.RecordMeeting;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RegisterDelegate;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.core.api.RetractMeeting;
import org.negotiationledger.core.api.RetractOutcome;
import org.negotiationledger.core.api.RetractStatement;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One negotiation: the consistency boundary for everything recorded about it. It keeps only
 * what its rules need (ids, dates, numbers and content fingerprints, never texts), so that a
 * negotiation with a hundred thousand statements still loads fast from a snapshot.
 *
 * <p>Every record has an id chosen by the client. A command repeated with the same id and the
 * same content appends nothing and succeeds; the same id with other content is a conflict.
 *
 * <p>The revision is that of the state a snapshot holds: a snapshot of another revision is not
 * read, and the negotiation is rebuilt from its events instead.
 */
@Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Negotiation {

    /**
     * The calendar runs furthest ahead at UTC+14: a date that is "today" anywhere on Earth at the
     * recording instant is not in the future.
     */
    private static final ZoneOffset EARLIEST_TIME_ZONE = ZoneOffset.ofHours(14);

    @AggregateIdentifier
    private String negotiationId;
    private long openingPrint;
    private LocalDate openedOn;
    private Long closurePrint;
    private LocalDate closedOn;
    private Map<String, PartyState> parties = new HashMap<>();
    private Map<String, DelegateState> delegates = new HashMap<>();
    private Map<String, Long> topics = new HashMap<>();
    private Map<String, StatementState> statements = new HashMap<>();
    private Map<String, Long> corrections = new HashMap<>();
    /** The prints of the corrections' content without their ids, to know a retried correction without an id. */
    private Set<Long> correctionContents = new HashSet<>();
    private Map<String, MeetingState> meetings = new HashMap<>();
    private Map<String, ExchangeState> exchanges = new HashMap<>();
    private Map<String, OutcomeState> outcomes = new HashMap<>();

    /**
     * What the aggregate remembers of a party: since when it takes part, its leaving, if it left,
     * and the prints of its changes of role by the day they began.
     */
    record PartyState(long print, LocalDate joinedOn, Long leavingPrint, Map<LocalDate, Long> rolePrints) {
    }

    /** What the aggregate remembers of a delegate: the prints of its titles by the day they began. */
    record DelegateState(String partyId, long print, Map<LocalDate, Long> titlePrints) {
    }

    /** What the aggregate remembers of a statement; the dates are those of its current version. */
    record StatementState(String partyId, String topicId, long print, LocalDate publishedOn, String meetingId,
                          LocalDate effectiveOn, LocalDate validUntil, Long retractionPrint) {

        boolean retracted() {
            return retractionPrint != null;
        }
    }

    /** What the aggregate remembers of a meeting, and of its retraction if it was retracted. */
    record MeetingState(long print, LocalDate heldOn, List<String> partyIds, Long retractionPrint) {

        boolean retracted() {
            return retractionPrint != null;
        }
    }

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

    protected Negotiation() {
        // for Axon and for snapshots
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenNegotiation command) {
        NegotiationOpened opened = new NegotiationOpened(command.negotiationId(), command.title(),
                command.description(), command.openedOn());
        long print = Fingerprint.of(opened);
        if (negotiationId != null) {
            if (openingPrint != print) {
                throw new IdConflictException("id-conflict", "negotiation '" + negotiationId
                        + "' already exists with other content");
            }
            return;
        }
        requireNotAfterRecording(command.openedOn(), "the opening date", command.recordedAt());
        apply(opened);
    }

    @CommandHandler
    void handle(RegisterParty command) {
        PartyRegistered registered = new PartyRegistered(negotiationId, command.partyId(), command.name(),
                command.role(), command.joinedOn());
        PartyState known = parties.get(command.partyId());
        if (isRepeat("party", command.partyId(), known == null ? null : known.print(), registered)) {
            return;
        }
        requireOpen();
        if (command.joinedOn() != null) {
            requireEffectiveDate(command.joinedOn(), "the joining of party '" + command.partyId() + "'",
                    command.recordedAt());
        }
        apply(registered);
    }

    @CommandHandler
    void handle(RecordPartyLeaving command) {
        requireRegisteredParty(command.partyId());
        PartyState party = parties.get(command.partyId());
        PartyLeft left = new PartyLeft(negotiationId, command.partyId(), command.leftOn(), command.note());
        String what = "the leaving of party '" + command.partyId() + "'";
        if (party.leavingPrint() != null) {
            if (party.leavingPrint() == Fingerprint.of(left)) {
                return;
            }
            throw new IdConflictException("party-already-left", "party '" + command.partyId()
                    + "' has already left negotiation '" + negotiationId + "' with other content");
        }
        requireOpen();
        requireEffectiveDate(command.leftOn(), what, command.recordedAt());
        if (party.joinedOn() != null) {
            requireNotBefore(command.leftOn(), party.joinedOn(), what, "it joined");
        }
        apply(left);
    }

    @CommandHandler
    void handle(ChangePartyRole command) {
        requireRegisteredParty(command.partyId());
        PartyState party = parties.get(command.partyId());
        PartyRoleChanged changed = new PartyRoleChanged(negotiationId, command.partyId(), command.role(),
                command.since());
        if (isRepeatOfTheDay(party.rolePrints().get(command.since()), changed, "party '" + command.partyId()
                + "' already has another role from " + command.since())) {
            return;
        }
        requireOpen();
        String what = "the new role of party '" + command.partyId() + "'";
        requireEffectiveDate(command.since(), what, command.recordedAt());
        if (party.joinedOn() != null) {
            requireNotBefore(command.since(), party.joinedOn(), what, "it joined");
        }
        apply(changed);
    }

    @CommandHandler
    void handle(RegisterDelegate command) {
        DelegateRegistered registered = new DelegateRegistered(negotiationId, command.delegateId(),
                command.name(), command.partyId(), command.title());
        DelegateState known = delegates.get(command.delegateId());
        if (isRepeat("delegate", command.delegateId(), known == null ? null : known.print(), registered)) {
            return;
        }
        requireOpen();
        requireRegisteredParty(command.partyId());
        apply(registered);
    }

    @CommandHandler
    void handle(ChangeDelegateTitle command) {
        DelegateState delegate = delegates.get(command.delegateId());
        if (delegate == null) {
            throw new RuleViolationException("unregistered-delegate", "delegate '" + command.delegateId()
                    + "' is not registered in negotiation '" + negotiationId + "'");
        }
        DelegateTitleChanged changed = new DelegateTitleChanged(negotiationId, command.delegateId(),
                delegate.partyId(), command.title(), command.since());
        if (isRepeatOfTheDay(delegate.titlePrints().get(command.since()), changed, "delegate '"
                + command.delegateId() + "' already has another title from " + command.since())) {
            return;
        }
        requireOpen();
        requireEffectiveDate(command.since(), "the new title of delegate '" + command.delegateId() + "'",
                command.recordedAt());
        apply(changed);
    }

    @CommandHandler
    void handle(AddTopic command) {
        TopicAdded added = new TopicAdded(negotiationId, command.topicId(), command.title(), command.description());
        if (isRepeat("topic", command.topicId(), topics.get(command.topicId()), added)) {
            return;
        }
        requireOpen();
        apply(added);
    }

    @CommandHandler
    void handle(RecordStatement command) {
        LocalDate effectiveOn = command.effectiveOn();
        MeetingState meeting = command.meetingId() == null ? null : meetings.get(command.meetingId());
        if (effectiveOn == null && meeting != null) {
            effectiveOn = meeting.heldOn();
        }
        StatementRecorded recorded = new StatementRecorded(negotiationId, command.statementId(), command.partyId(),
                command.delegateId(), command.topicId(), command.stance(), command.summary(),
                command.conditions(), command.offer(), effectiveOn, command.source(), command.note(),
                command.meetingId(), command.validUntil(), command.coding());
        StatementState known = statements.get(command.statementId());
        if (isRepeat("statement", command.statementId(), known == null ? null : known.print(), recorded)) {
            return;
        }
        requireOpen();
        requireRegisteredParty(command.partyId());
        requireRegisteredTopic(command.topicId());
        if (command.delegateId() != null) {
            requireDelegateOf(command.delegateId(), command.partyId());
        }
        if (command.coding() != null && command.coding().targetPartyId() != null) {
            requireRegisteredParty(command.coding().targetPartyId());
        }
        String what = "statement '" + command.statementId() + "'";
        requireAtMeeting(command.meetingId(), effectiveOn, what);
        requireMeetingNotRetracted(command.meetingId(), what);
        requireDay(effectiveOn, "effectiveOn", what);
        requireWellFormed(command.offer(), what);
        requireEffectiveDate(effectiveOn, what, command.recordedAt());
        if (command.source() != null && command.source().publishedOn() != null) {
            requireNotAfterPublication(effectiveOn, command.source().publishedOn(), what);
        }
        requireValidUntil(command.validUntil(), effectiveOn, what);
        apply(recorded);
    }

    @CommandHandler
    void handle(CorrectStatement command) {
        StatementState statement = requireStatement(command.statementId());
        StatementCorrected unnamed = new StatementCorrected(negotiationId, command.statementId(), null,
                statement.partyId(), statement.topicId(), command.changes(), command.reason());
        if (command.correctionId() == null && correctionContents.contains(Fingerprint.of(unnamed))) {
            return;
        }
        String correctionId = command.correctionId() != null
                ? command.correctionId()
                : "c-" + Fingerprint.hex(unnamed);
        StatementCorrected corrected = new StatementCorrected(negotiationId, command.statementId(), correctionId,
                statement.partyId(), statement.topicId(), command.changes(), command.reason());
        if (isRepeat("correction", correctionId, corrections.get(correctionId), corrected)) {
            return;
        }
        if (statement.retracted()) {
            throw alreadyRetracted(command.statementId(), "corrected");
        }
        if (command.changes() == null || command.changes().changesNothing()) {
            throw new RuleViolationException("empty-correction", "a correction of statement '"
                    + command.statementId() + "' must change at least one of stance, summary, offer, conditions, "
                    + "effectiveOn or validUntil");
        }
        String what = "the correction of statement '" + command.statementId() + "'";
        LocalDate effectiveOn = command.changes().effectiveOn();
        if (effectiveOn != null) {
            requireAtMeeting(statement.meetingId(), effectiveOn, what);
            requireEffectiveDate(effectiveOn, what, command.recordedAt());
            if (statement.publishedOn() != null) {
                requireNotAfterPublication(effectiveOn, statement.publishedOn(), what);
            }
        }
        requireWellFormed(command.changes().offer(), what);
        LocalDate validUntil = command.changes().validUntil() != null
                ? command.changes().validUntil() : statement.validUntil();
        requireValidUntil(validUntil, effectiveOn != null ? effectiveOn : statement.effectiveOn(), what);
        apply(corrected);
    }

    @CommandHandler
    void handle(RetractStatement command) {
        StatementState statement = requireStatement(command.statementId());
        StatementRetracted retracted = new StatementRetracted(negotiationId, command.statementId(),
                statement.partyId(), statement.topicId(), command.reason());
        if (statement.retracted()) {
            if (statement.retractionPrint() == Fingerprint.of(retracted)) {
                return;
            }
            throw alreadyRetracted(command.statementId(), "retracted again");
        }
        requireOpen();
        apply(retracted);
    }

    @CommandHandler
    void handle(RecordMeeting command) {
        MeetingHeld held = new MeetingHeld(negotiationId, command.meetingId(), command.heldOn(), command.location(),
                command.level(), command.partyIds(), command.mediatorIds(), command.heads(), command.topicIds(),
                command.summary(), command.coding());
        MeetingState knownMeeting = meetings.get(command.meetingId());
        if (isRepeat("meeting", command.meetingId(), knownMeeting == null ? null : knownMeeting.print(), held)) {
            return;
        }
        requireOpen();
        held.partyIds().forEach(this::requireRegisteredParty);
        held.mediatorIds().forEach(this::requireRegisteredParty);
        held.topicIds().forEach(this::requireRegisteredTopic);
        held.heads().forEach((partyId, delegateId) -> {
            if (!held.partyIds().contains(partyId) && !held.mediatorIds().contains(partyId)) {
                throw new RuleViolationException("head-of-absent-party", "meeting '" + command.meetingId()
                        + "' names a head for party '" + partyId + "', which is not among its parties or mediators");
            }
            requireDelegateOf(delegateId, partyId);
        });
        requireEffectiveDate(command.heldOn(), "meeting '" + command.meetingId() + "'", command.recordedAt());
        apply(held);
    }

    @CommandHandler
    void handle(RetractMeeting command) {
        MeetingState meeting = meetings.get(command.meetingId());
        if (meeting == null) {
            throw unknown("meeting", command.meetingId());
        }
        MeetingRetracted retracted = new MeetingRetracted(negotiationId, command.meetingId(), meeting.partyIds(),
                command.reason());
        if (meeting.retracted()) {
            if (meeting.retractionPrint() == Fingerprint.of(retracted)) {
                return;
            }
            throw new RuleViolationException("meeting-retracted", "meeting '" + command.meetingId()
                    + "' is retracted and cannot be retracted again");
        }
        requireOpen();
        apply(retracted);
    }

    @CommandHandler
    void handle(ProposeExchange command) {
        ExchangeProposed proposed = new ExchangeProposed(negotiationId, command.exchangeId(), command.proposedBy(),
                command.proposedOn(), command.terms(), command.note());
        ExchangeState known = exchanges.get(command.exchangeId());
        if (isRepeat("exchange", command.exchangeId(), known == null ? null : known.print(), proposed)) {
            return;
        }
        requireOpen();
        if (command.proposedBy() != null) {
            requireRegisteredParty(command.proposedBy());
        }
        String what = "exchange '" + command.exchangeId() + "'";
        var terms = command.terms();
        terms.sides().forEach(this::requireRegisteredParty);
        if (new LinkedHashSet<>(terms.sides()).size() != terms.sides().size() || terms.sides().isEmpty()) {
            throw new RuleViolationException("invalid-sides", what + " needs one giving side (a transfer) or "
                    + "several distinct sides, got " + terms.sides());
        }
        if (terms.kind() == ExchangeKind.OTHER && (terms.kindText() == null || terms.kindText().isBlank())) {
            throw new RuleViolationException("kind-without-words", what + " is of kind OTHER and must say what it "
                    + "exchanges in kindText");
        }
        if (terms.allForAll() && !terms.quantities().isEmpty()) {
            throw new RuleViolationException("all-for-all-with-numbers", what
                    + " is all for all and so has no numbers; name its categories instead");
        }
        if (!terms.allForAll()) {
            requireNumbersForEverySide(terms.sides(), terms.quantities(), what);
        }
        requireEffectiveDate(command.proposedOn(), what, command.recordedAt());
        apply(proposed);
    }

    @CommandHandler
    void handle(AgreeExchange command) {
        ExchangeState exchange = requireExchange(command.exchangeId());
        ExchangeAgreed agreed = new ExchangeAgreed(negotiationId, command.exchangeId(), command.partyIds(),
                command.agreedOn(), command.meetingId());
        String what = "exchange '" + command.exchangeId() + "'";
        if (exchange.agreed()) {
            if (exchange.agreementPrint() == Fingerprint.of(agreed)) {
                return;
            }
            throw new IdConflictException("exchange-already-agreed", what + " was already agreed on "
                    + exchange.agreedOn() + " with other terms of agreement");
        }
        requireOpen();
        agreed.partyIds().forEach(this::requireRegisteredParty);
        Set<String> agreeingSides = agreed.partyIds().stream().filter(exchange.sides()::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (agreeingSides.size() < Math.min(2, exchange.sides().size())) {
            throw new RuleViolationException("too-few-agreeing-parties", what + " must be agreed by "
                    + (exchange.sides().size() == 1 ? "its giving side " : "at least two of its sides ")
                    + exchange.sides() + ", got " + agreed.partyIds());
        }
        if (command.meetingId() != null && !meetings.containsKey(command.meetingId())) {
            throw unknown("meeting", command.meetingId());
        }
        requireEffectiveDate(command.agreedOn(), "the agreement of " + what, command.recordedAt());
        requireNotBefore(command.agreedOn(), exchange.proposedOn(), "the agreement of " + what,
                "it was proposed");
        apply(agreed);
    }

    @CommandHandler
    void handle(RecordExchangeExecution command) {
        ExchangeState exchange = requireExchange(command.exchangeId());
        String what = "exchange '" + command.exchangeId() + "'";
        Map<String, Integer> released = command.released() == null ? Map.of() : new TreeMap<>(command.released());
        Map<String, Integer> totals = new TreeMap<>(exchange.totals());
        released.forEach((side, count) -> totals.merge(side, count, Integer::sum));
        ExchangeExecutionRecorded executed = new ExchangeExecutionRecorded(negotiationId, command.exchangeId(),
                command.stage(), command.executedOn(), released, totals, command.completes(), command.note());
        Long knownStage = exchange.stagePrints().get(command.stage());
        if (knownStage != null) {
            if (knownStage == Fingerprint.of(stageContent(executed))) {
                return;
            }
            throw new IdConflictException("id-conflict", "stage " + command.stage() + " of " + what
                    + " is already recorded with other content");
        }
        requireOpen();
        if (!exchange.agreed()) {
            throw new RuleViolationException("exchange-not-agreed", what + " cannot be carried out before it is agreed");
        }
        if (exchange.completed()) {
            throw new RuleViolationException("exchange-completed", what + " is already completed");
        }
        if (command.stage() < 1) {
            throw new RuleViolationException("invalid-stage", "stages of " + what + " are numbered from 1, got "
                    + command.stage());
        }
        released.forEach((side, count) -> {
            if (!exchange.sides().contains(side)) {
                throw new RuleViolationException("not-a-side", "party '" + side + "' is not a side of " + what
                        + " " + exchange.sides());
            }
            if (count < 0) {
                throw new RuleViolationException("negative-release", "stage " + command.stage() + " of " + what
                        + " releases a negative number for '" + side + "'");
            }
        });
        if (!exchange.allForAll()) {
            requireWithinAgreedNumbers(exchange, totals, command.stage(), what);
        }
        requireEffectiveDate(command.executedOn(), "stage " + command.stage() + " of " + what, command.recordedAt());
        requireNotBefore(command.executedOn(), exchange.agreedOn(), "stage " + command.stage() + " of " + what,
                "it was agreed");
        boolean reached = exchange.numbersReachedBy(totals);
        if (command.completes() && !exchange.allForAll() && !reached) {
            throw new RuleViolationException("numbers-not-reached", what + " cannot be completed: released so far "
                    + totals + " of the agreed " + exchange.quantities());
        }
        apply(executed);
        if (reached || command.completes()) {
            apply(new ExchangeCompleted(negotiationId, command.exchangeId(), command.executedOn(), totals));
        }
    }

    @CommandHandler
    void handle(RecordOutcome command) {
        LocalDate reachedOn = command.reachedOn();
        MeetingState meeting = command.meetingId() == null ? null : meetings.get(command.meetingId());
        if (reachedOn == null && meeting != null) {
            reachedOn = meeting.heldOn();
        }
        OutcomeRecorded recorded = new OutcomeRecorded(negotiationId, command.outcomeId(), command.kind(),
                command.topicIds(), command.partyIds(), command.terms(), reachedOn, command.meetingId(),
                command.source(), command.coding());
        OutcomeState known = outcomes.get(command.outcomeId());
        if (isRepeat("outcome", command.outcomeId(), known == null ? null : known.print(), recorded)) {
            return;
        }
        requireOpen();
        String what = "outcome '" + command.outcomeId() + "'";
        recorded.topicIds().forEach(this::requireRegisteredTopic);
        recorded.partyIds().forEach(this::requireRegisteredParty);
        if (recorded.topicIds().isEmpty()) {
            throw new RuleViolationException("no-topics", what + " must name at least one topic");
        }
        if (new LinkedHashSet<>(recorded.partyIds()).size() < 2) {
            throw new RuleViolationException("too-few-parties", what + " must name at least two distinct parties, "
                    + "got " + recorded.partyIds());
        }
        requireAtMeeting(command.meetingId(), reachedOn, what);
        requireMeetingNotRetracted(command.meetingId(), what);
        requireDay(reachedOn, "reachedOn", what);
        requireEffectiveDate(reachedOn, what, command.recordedAt());
        if (command.source() != null && command.source().publishedOn() != null) {
            requireNotAfterPublication(reachedOn, command.source().publishedOn(), what);
        }
        apply(recorded);
    }

    @CommandHandler
    void handle(RecordOutcomeStatus command) {
        OutcomeState outcome = outcomes.get(command.outcomeId());
        if (outcome == null) {
            throw unknown("outcome", command.outcomeId());
        }
        OutcomeStatusRecorded recorded = new OutcomeStatusRecorded(negotiationId, command.outcomeId(),
                command.status(), command.since(), command.note());
        String what = "the status of outcome '" + command.outcomeId() + "' from " + command.since();
        if (isRepeatOfTheDay(outcome.statusPrints().get(command.since()), recorded,
                what + " is already recorded with other content")) {
            return;
        }
        requireOpen();
        if (outcome.retracted()) {
            throw new RuleViolationException("outcome-retracted", "outcome '" + command.outcomeId()
                    + "' is retracted and nothing more can become of it");
        }
        if (outcome.kind() != OutcomeKind.AGREED) {
            throw new RuleViolationException("not-an-agreement", "outcome '" + command.outcomeId()
                    + "' records no agreement, so nothing can become of it");
        }
        requireEffectiveDate(command.since(), what, command.recordedAt());
        requireNotBefore(command.since(), outcome.reachedOn(), what, "it was reached");
        apply(recorded);
    }

    @CommandHandler
    void handle(RetractOutcome command) {
        OutcomeState outcome = outcomes.get(command.outcomeId());
        if (outcome == null) {
            throw unknown("outcome", command.outcomeId());
        }
        OutcomeRetracted retracted = new OutcomeRetracted(negotiationId, command.outcomeId(), outcome.partyIds(),
                command.reason());
        if (outcome.retracted()) {
            if (outcome.retractionPrint() == Fingerprint.of(retracted)) {
                return;
            }
            throw new RuleViolationException("outcome-retracted", "outcome '" + command.outcomeId()
                    + "' is retracted and cannot be retracted again");
        }
        requireOpen();
        apply(retracted);
    }

    @CommandHandler
    void handle(CloseNegotiation command) {
        NegotiationClosed closed = new NegotiationClosed(negotiationId, command.outcome(), command.closedOn(),
                command.summary());
        if (closurePrint != null && closurePrint == Fingerprint.of(closed)) {
            return;
        }
        requireOpen();
        requireEffectiveDate(command.closedOn(), "the closure", command.recordedAt());
        apply(closed);
    }

    // ---------------------------------------------------------------- rules

    /**
     * A repeat of a record already in the ledger is recognised by its content: identical, and the
     * command is a no-op; different, and the id is taken.
     */
    private boolean isRepeat(String kind, String id, Long knownPrint, Object newRecord) {
        if (knownPrint == null) {
            return false;
        }
        if (knownPrint != Fingerprint.of(newRecord)) {
            throw new IdConflictException("id-conflict", kind + " '" + id + "' already exists in negotiation '"
                    + negotiationId + "' with other content");
        }
        return true;
    }

    /**
     * A record kept by its day (a role, a title, a status) has no id of its own: the same again on
     * that day is a repeat, another one a conflict.
     */
    private static boolean isRepeatOfTheDay(Long knownPrint, Object newRecord, String conflict) {
        if (knownPrint == null) {
            return false;
        }
        if (knownPrint != Fingerprint.of(newRecord)) {
            throw new IdConflictException("id-conflict", conflict);
        }
        return true;
    }

    private void requireOpen() {
        if (closurePrint != null) {
            throw new RuleViolationException("negotiation-closed", "negotiation '" + negotiationId
                    + "' was closed on " + closedOn + " and accepts nothing but corrections");
        }
    }

    private void requireRegisteredParty(String partyId) {
        if (!parties.containsKey(partyId)) {
            throw new RuleViolationException("unregistered-party", "party '" + partyId
                    + "' is not registered in negotiation '" + negotiationId + "'");
        }
    }

    private void requireRegisteredTopic(String topicId) {
        if (!topics.containsKey(topicId)) {
            throw new RuleViolationException("unregistered-topic", "topic '" + topicId
                    + "' is not registered in negotiation '" + negotiationId + "'");
        }
    }

    private void requireDelegateOf(String delegateId, String partyId) {
        DelegateState delegate = delegates.get(delegateId);
        if (delegate == null) {
            throw new RuleViolationException("unregistered-delegate", "delegate '" + delegateId
                    + "' is not registered in negotiation '" + negotiationId + "'");
        }
        if (!delegate.partyId().equals(partyId)) {
            throw new RuleViolationException("delegate-of-other-party", "delegate '" + delegateId
                    + "' speaks for party '" + delegate.partyId() + "', not for '" + partyId + "'");
        }
    }

    private StatementState requireStatement(String statementId) {
        StatementState statement = statements.get(statementId);
        if (statement == null) {
            throw unknown("statement", statementId);
        }
        return statement;
    }

    private RuleViolationException alreadyRetracted(String statementId, String action) {
        return new RuleViolationException("statement-retracted", "statement '" + statementId
                + "' is retracted and cannot be " + action);
    }

    private ExchangeState requireExchange(String exchangeId) {
        ExchangeState exchange = exchanges.get(exchangeId);
        if (exchange == null) {
            throw unknown("exchange", exchangeId);
        }
        return exchange;
    }

    private RuleViolationException unknown(String kind, String id) {
        return new RuleViolationException("unknown-" + kind, kind + " '" + id + "' does not exist in negotiation '"
                + negotiationId + "'");
    }

    private static void requireNumbersForEverySide(List<String> sides, Map<String, Integer> quantities, String what) {
        for (String side : sides) {
            Integer quantity = quantities.get(side);
            if (quantity == null || quantity <= 0) {
                throw new RuleViolationException("missing-quantity", what + " names no positive number for side '"
                        + side + "'; an exchange without numbers must be all for all");
            }
        }
        for (String party : quantities.keySet()) {
            if (!sides.contains(party)) {
                throw new RuleViolationException("not-a-side", what + " names a number for '" + party
                        + "', which is not one of its sides " + sides);
            }
        }
    }

    private static void requireWithinAgreedNumbers(ExchangeState exchange, Map<String, Integer> totals, int stage,
                                                   String what) {
        totals.forEach((side, total) -> {
            int agreed = exchange.quantities().getOrDefault(side, 0);
            if (total > agreed) {
                throw new RuleViolationException("beyond-agreed-numbers", "stage " + stage + " of " + what
                        + " would bring '" + side + "' to " + total + " released, beyond the agreed " + agreed);
            }
        });
    }

    /** Effective dates lie between the opening of the negotiation and the day they are recorded. */
    private void requireEffectiveDate(LocalDate date, String what, Instant recordedAt) {
        requireNotAfterRecording(date, what, recordedAt);
        requireNotBefore(date, openedOn, what, "the negotiation opened");
    }

    private static void requireNotAfterRecording(LocalDate date, String what, Instant recordedAt) {
        LocalDate today = recordedAt.atOffset(EARLIEST_TIME_ZONE).toLocalDate();
        if (date.isAfter(today)) {
            throw new RuleViolationException("date-in-future", "the date " + date + " of " + what
                    + " is after the day it is recorded (" + recordedAt.atOffset(ZoneOffset.UTC).toLocalDate() + ")");
        }
    }

    private static void requireNotBefore(LocalDate date, LocalDate earliest, String what, String since) {
        if (date.isBefore(earliest)) {
            throw new RuleViolationException("date-too-early", "the date " + date + " of " + what + " is before "
                    + since + " on " + earliest);
        }
    }

    /** A record made at a meeting carries the meeting's day. */
    private void requireAtMeeting(String meetingId, LocalDate date, String what) {
        if (meetingId == null) {
            return;
        }
        MeetingState meeting = meetings.get(meetingId);
        if (meeting == null) {
            throw unknown("meeting", meetingId);
        }
        if (date != null && !date.equals(meeting.heldOn())) {
            throw new RuleViolationException("not-the-meeting-day", "the date " + date + " of " + what
                    + " is not the day of meeting '" + meetingId + "' (" + meeting.heldOn() + ")");
        }
    }

    /** Nothing new is recorded at a meeting that was retracted. */
    private void requireMeetingNotRetracted(String meetingId, String what) {
        MeetingState meeting = meetingId == null ? null : meetings.get(meetingId);
        if (meeting != null && meeting.retracted()) {
            throw new RuleViolationException("meeting-retracted", what + " names meeting '" + meetingId
                    + "', which is retracted");
        }
    }

    /** A record that can take its day from a meeting needs one or the other. */
    private static void requireDay(LocalDate date, String field, String what) {
        if (date == null) {
            throw new RuleViolationException("no-date", what + " needs " + field + " or the meetingId of a recorded "
                    + "meeting, whose day it then takes");
        }
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

    private static void requireValidUntil(LocalDate validUntil, LocalDate effectiveOn, String what) {
        if (validUntil != null && validUntil.isBefore(effectiveOn)) {
            throw new RuleViolationException("lapses-before-made", "the proposal of " + what + " would lapse on "
                    + validUntil + ", before it was made on " + effectiveOn);
        }
    }

    private static void requireNotAfterPublication(LocalDate effectiveOn, LocalDate publishedOn, String what) {
        if (effectiveOn.isAfter(publishedOn)) {
            throw new RuleViolationException("effective-after-publication", "the date " + effectiveOn + " of " + what
                    + " is after its source was published on " + publishedOn);
        }
    }

    /** A stage as the command gave it: the running totals depend on the stages recorded since. */
    private static Object stageContent(ExchangeExecutionRecorded executed) {
        return new ExchangeExecutionRecorded(executed.negotiationId(), executed.exchangeId(), executed.stage(),
                executed.executedOn(), executed.released(), Map.of(), executed.completes(), executed.note());
    }

    // ---------------------------------------------------------------- events

    @EventSourcingHandler
    void on(NegotiationOpened event) {
        negotiationId = event.negotiationId();
        openedOn = event.openedOn();
        openingPrint = Fingerprint.of(event);
    }

    @EventSourcingHandler
    void on(PartyRegistered event) {
        parties.put(event.partyId(), new PartyState(Fingerprint.of(event), event.joinedOn(), null, Map.of()));
    }

    @EventSourcingHandler
    void on(PartyLeft event) {
        parties.computeIfPresent(event.partyId(),
                (id, party) -> new PartyState(party.print(), party.joinedOn(), Fingerprint.of(event),
                        party.rolePrints()));
    }

    @EventSourcingHandler
    void on(PartyRoleChanged event) {
        parties.computeIfPresent(event.partyId(), (id, party) -> {
            Map<LocalDate, Long> roles = new HashMap<>(party.rolePrints());
            roles.put(event.since(), Fingerprint.of(event));
            return new PartyState(party.print(), party.joinedOn(), party.leavingPrint(), roles);
        });
    }

    @EventSourcingHandler
    void on(DelegateRegistered event) {
        delegates.put(event.delegateId(), new DelegateState(event.partyId(), Fingerprint.of(event), Map.of()));
    }

    @EventSourcingHandler
    void on(DelegateTitleChanged event) {
        delegates.computeIfPresent(event.delegateId(), (id, delegate) -> {
            Map<LocalDate, Long> titles = new HashMap<>(delegate.titlePrints());
            titles.put(event.since(), Fingerprint.of(event));
            return new DelegateState(delegate.partyId(), delegate.print(), titles);
        });
    }

    @EventSourcingHandler
    void on(TopicAdded event) {
        topics.put(event.topicId(), Fingerprint.of(event));
    }

    @EventSourcingHandler
    void on(StatementRecorded event) {
        LocalDate publishedOn = event.source() == null ? null : event.source().publishedOn();
        statements.put(event.statementId(), new StatementState(event.partyId(), event.topicId(),
                Fingerprint.of(event), publishedOn, event.meetingId(), event.effectiveOn(), event.validUntil(), null));
    }

    @EventSourcingHandler
    void on(StatementCorrected event) {
        corrections.put(event.correctionId(), Fingerprint.of(event));
        correctionContents.add(Fingerprint.of(new StatementCorrected(event.negotiationId(), event.statementId(), null,
                event.partyId(), event.topicId(), event.changes(), event.reason())));
        statements.computeIfPresent(event.statementId(), (id, statement) -> new StatementState(statement.partyId(),
                statement.topicId(), statement.print(), statement.publishedOn(), statement.meetingId(),
                event.changes().effectiveOn() != null ? event.changes().effectiveOn() : statement.effectiveOn(),
                event.changes().validUntil() != null ? event.changes().validUntil() : statement.validUntil(),
                statement.retractionPrint()));
    }

    @EventSourcingHandler
    void on(StatementRetracted event) {
        StatementState statement = statements.get(event.statementId());
        statements.put(event.statementId(), new StatementState(statement.partyId(), statement.topicId(),
                statement.print(), statement.publishedOn(), statement.meetingId(), statement.effectiveOn(),
                statement.validUntil(), Fingerprint.of(event)));
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

    @EventSourcingHandler
    void on(ExchangeProposed event) {
        exchanges.put(event.exchangeId(),
                ExchangeState.proposed(Fingerprint.of(event), event.proposedOn(), event.terms()));
    }

    @EventSourcingHandler
    void on(ExchangeAgreed event) {
        exchanges.computeIfPresent(event.exchangeId(),
                (id, exchange) -> exchange.agreed(Fingerprint.of(event), event.agreedOn()));
    }

    @EventSourcingHandler
    void on(ExchangeExecutionRecorded event) {
        exchanges.computeIfPresent(event.exchangeId(), (id, exchange) ->
                exchange.executed(event.stage(), Fingerprint.of(stageContent(event)), event.totals()));
    }

    @EventSourcingHandler
    void on(ExchangeCompleted event) {
        exchanges.computeIfPresent(event.exchangeId(), (id, exchange) -> exchange.markCompleted());
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

    @EventSourcingHandler
    void on(NegotiationClosed event) {
        closurePrint = Fingerprint.of(event);
        closedOn = event.closedOn();
    }
}
