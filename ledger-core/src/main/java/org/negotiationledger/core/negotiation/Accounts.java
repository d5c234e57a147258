package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.AccountRecorded;
import org.negotiationledger.core.api.AccountRetracted;
import org.negotiationledger.core.api.AgreementSigned;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.RecordAccount;
import org.negotiationledger.core.api.RecordKind;
import org.negotiationledger.core.api.RetractAccount;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireReported;

/**
 * Contested accounts: records that sources tell differently, each account with its own sources, side
 * by side. An account concerns one record and nothing else, so its commands are handled here, without
 * the root, and are taken after the negotiation's closure too (an account found later, as a
 * correction is). To know what an account may concern, this part keeps its own index of the records'
 * ids, kinds and days, and of the parties.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Accounts {

    /** What the index remembers of a record an account may concern. */
    record RecordRef(RecordKind kind, LocalDate day) {
    }

    /** What the aggregate remembers of an account. */
    record AccountState(long print, String recordId, Long retractionPrint) {
    }

    private Map<String, RecordRef> records = new HashMap<>();
    private Set<String> parties = new HashSet<>();
    private Map<String, AccountState> accounts = new HashMap<>();

    @CommandHandler
    void handle(RecordAccount command) {
        RecordRef record = records.get(command.recordId());
        String what = "account '" + command.accountId() + "'";
        if (record == null) {
            throw new RuleViolationException("unknown-record", what + " concerns '" + command.recordId()
                    + "', which is no statement, meeting, exchange, outcome or agreement of negotiation '"
                    + command.negotiationId() + "'");
        }
        AccountRecorded recorded = new AccountRecorded(command.negotiationId(), command.accountId(),
                command.recordId(), record.kind(), record.day(), command.field(), command.text(), command.value(),
                command.unit(), command.reportedBy(), command.sources());
        AccountState known = accounts.get(command.accountId());
        if (Repeats.isRepeat(known == null ? null : known.print(), recorded, () -> new IdConflictException(
                "id-conflict", what + " already exists with other content"))) {
            return;
        }
        if (command.text() == null && command.value() == null) {
            throw new InvalidValueException("text", "or value must give what " + what + " says");
        }
        if (command.unit() != null && command.value() == null) {
            throw new InvalidValueException("unit", "needs the value it measures");
        }
        if (recorded.sources().isEmpty()) {
            throw new InvalidValueException("sources", "must name at least one report of " + what);
        }
        if (command.reportedBy() != null && !parties.contains(command.reportedBy())) {
            throw new RuleViolationException("unknown-party", "party '" + command.reportedBy()
                    + "' is not registered in negotiation '" + command.negotiationId() + "'");
        }
        requireReported(record.day(), recorded.sources(), what);
        apply(recorded);
    }

    @CommandHandler
    void handle(RetractAccount command) {
        AccountState account = accounts.get(command.accountId());
        if (account == null) {
            throw RuleViolationException.unknown("account", command.accountId(), command.negotiationId());
        }
        AccountRetracted retracted = new AccountRetracted(command.negotiationId(), command.accountId(),
                account.recordId(), command.reason());
        if (Repeats.isRepeat(account.retractionPrint(), retracted, () -> new RuleViolationException(
                "account-retracted", "account '" + command.accountId() + "' is retracted and cannot be retracted "
                + "again"))) {
            return;
        }
        apply(retracted);
    }

    @EventSourcingHandler
    void on(AccountRecorded event) {
        accounts.put(event.accountId(), new AccountState(Fingerprint.of(event), event.recordId(), null));
    }

    @EventSourcingHandler
    void on(AccountRetracted event) {
        accounts.computeIfPresent(event.accountId(), (id, account) -> new AccountState(account.print(),
                account.recordId(), Fingerprint.of(event)));
    }

    @EventSourcingHandler
    void on(PartyRegistered event) {
        parties.add(event.partyId());
    }

    @EventSourcingHandler
    void on(StatementRecorded event) {
        records.put(event.statementId(), new RecordRef(RecordKind.STATEMENT, event.effectiveOn()));
    }

    @EventSourcingHandler
    void on(StatementCorrected event) {
        if (event.changes().effectiveOn() != null) {
            records.put(event.statementId(), new RecordRef(RecordKind.STATEMENT, event.changes().effectiveOn()));
        }
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        records.put(event.meetingId(), new RecordRef(RecordKind.MEETING, event.heldOn()));
    }

    @EventSourcingHandler
    void on(ExchangeProposed event) {
        records.put(event.exchangeId(), new RecordRef(RecordKind.EXCHANGE, event.proposedOn()));
    }

    @EventSourcingHandler
    void on(OutcomeRecorded event) {
        records.put(event.outcomeId(), new RecordRef(RecordKind.OUTCOME, event.reachedOn()));
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        records.put(event.agreementId(), new RecordRef(RecordKind.AGREEMENT, event.signedOn()));
    }
}
