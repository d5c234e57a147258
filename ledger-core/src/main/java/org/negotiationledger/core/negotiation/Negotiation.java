package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.ChangeDelegateTitle;
import org.negotiationledger.core.api.ChangePartyRole;
import org.negotiationledger.core.api.CloseNegotiation;
import org.negotiationledger.core.api.CorrectStatement;
import org.negotiationledger.core.api.CreateBody;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.OpenNegotiation;
import org.negotiationledger.core.api.ProposeExchange;
import org.negotiationledger.core.api.ProposePackage;
import org.negotiationledger.core.api.RecordExchangeExecution;
import org.negotiationledger.core.api.RecordMeeting;
import org.negotiationledger.core.api.RecordOutcome;
import org.negotiationledger.core.api.RecordOutcomeStatus;
import org.negotiationledger.core.api.RecordPartyLeaving;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RegisterDelegate;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.core.api.RetractMeeting;
import org.negotiationledger.core.api.RetractOutcome;
import org.negotiationledger.core.api.RetractStatement;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.SignAgreement;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One negotiation: the consistency boundary for everything recorded about it. The root decides what concerns the
 * whole negotiation (its opening and closing) and hands every other command to the part it concerns
 * ({@link Membership}, {@link Meetings}, {@link Statements}, {@link Exchanges}, {@link Outcomes}, {@link Packages},
 * {@link Bodies}, {@link Accounts}), which remembers its own events and checks its rules against the root's: open
 * or closed, the {@link DatePolicy}, who and what is registered.
 *
 * <p>It keeps only what its rules need (ids, dates, numbers and content fingerprints, never texts), so that a
 * negotiation with a hundred thousand statements still loads fast from a snapshot. A command repeated with the
 * same id and content appends nothing and succeeds; the same id with other content is a conflict (Repeats).
 *
 * <p>The revision is that of the state a snapshot holds (8: the parts for packages, bodies and accounts); a snapshot
 * of another revision is not read, and the negotiation is rebuilt from its events.
 */
@Revision("8")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Negotiation {

    @AggregateIdentifier
    private String negotiationId;
    private long openingPrint;
    private LocalDate openedOn;
    private Long closurePrint;
    private LocalDate closedOn;
    @AggregateMember
    private Membership membership = new Membership();
    @AggregateMember
    private Meetings meetings = new Meetings();
    @AggregateMember
    private Statements statements = new Statements();
    @AggregateMember
    private Exchanges exchanges = new Exchanges();
    @AggregateMember
    private Outcomes outcomes = new Outcomes();
    @AggregateMember
    private Packages packages = new Packages();
    @AggregateMember
    private Bodies bodies = new Bodies();
    @AggregateMember
    private Accounts accounts = new Accounts();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenNegotiation command) {
        NegotiationOpened opened = new NegotiationOpened(command.negotiationId(), command.title(),
                command.description(), command.openedOn());
        if (Repeats.isRepeat(negotiationId == null ? null : openingPrint, opened, () -> new IdConflictException(
                "id-conflict", "negotiation '" + negotiationId + "' already exists with other content"))) {
            return;
        }
        DatePolicy.requireNotAfterRecording(command.openedOn(), "the opening date", command.recordedAt());
        apply(opened);
    }

    @CommandHandler
    void handle(AddTopic command) {
        membership.addTopic(command, this);
    }

    @CommandHandler
    void handle(CloseNegotiation command) {
        NegotiationClosed closed = new NegotiationClosed(negotiationId, command.outcome(), command.closedOn(),
                command.summary(), command.agreementId());
        if (closurePrint != null && closurePrint == Fingerprint.of(closed)) {
            return;
        }
        requireOpen();
        dates().requireEffectiveDate(command.closedOn(), "the closure", command.recordedAt());
        outcomes.requireClosingAgreement(command);
        apply(closed);
    }

    @CommandHandler
    void handle(RegisterParty command) {
        membership.register(command, this);
    }

    @CommandHandler
    void handle(RecordPartyLeaving command) {
        membership.recordLeaving(command, this);
    }

    @CommandHandler
    void handle(ChangePartyRole command) {
        membership.changeRole(command, this);
    }

    @CommandHandler
    void handle(RegisterDelegate command) {
        membership.register(command, this);
    }

    @CommandHandler
    void handle(ChangeDelegateTitle command) {
        membership.changeTitle(command, this);
    }

    @CommandHandler
    void handle(RecordMeeting command) {
        meetings.record(command, this);
    }

    @CommandHandler
    void handle(RetractMeeting command) {
        meetings.retract(command, this);
    }

    @CommandHandler
    void handle(RecordStatement command) {
        statements.record(command, this);
    }

    @CommandHandler
    void handle(CorrectStatement command) {
        statements.correct(command, this);
    }

    @CommandHandler
    void handle(RetractStatement command) {
        statements.retract(command, this);
    }

    @CommandHandler
    void handle(ProposeExchange command) {
        exchanges.propose(command, this);
    }

    @CommandHandler
    void handle(AgreeExchange command) {
        exchanges.agree(command, this);
    }

    @CommandHandler
    void handle(RecordExchangeExecution command) {
        exchanges.recordExecution(command, this);
    }

    @CommandHandler
    void handle(RecordOutcome command) {
        outcomes.record(command, this);
    }

    @CommandHandler
    void handle(SignAgreement command) {
        outcomes.sign(command, this);
    }

    @CommandHandler
    void handle(ProposePackage command) {
        packages.propose(command, this);
    }

    @CommandHandler
    void handle(CreateBody command) {
        bodies.create(command, this, outcomes);
    }

    @CommandHandler
    void handle(RecordOutcomeStatus command) {
        outcomes.recordStatus(command, this);
    }

    @CommandHandler
    void handle(RetractOutcome command) {
        outcomes.retract(command, this);
    }

    String id() {
        return negotiationId;
    }

    DatePolicy dates() {
        return new DatePolicy(openedOn);
    }

    Meetings meetings() {
        return meetings;
    }

    Exchanges exchanges() {
        return exchanges;
    }

    void requireOpen() {
        if (closurePrint != null) {
            throw new RuleViolationException("negotiation-closed", "negotiation '" + negotiationId
                    + "' was closed on " + closedOn + " and accepts nothing but corrections and retractions");
        }
    }

    /** Who and what is registered, for the parts' rules. */
    Membership membership() {
        return membership;
    }

    @EventSourcingHandler
    void on(NegotiationOpened event) {
        negotiationId = event.negotiationId();
        openedOn = event.openedOn();
        openingPrint = Fingerprint.of(event);
    }

    @EventSourcingHandler
    void on(NegotiationClosed event) {
        closurePrint = Fingerprint.of(event);
        closedOn = event.closedOn();
    }
}
