package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.ProposeExchange;
import org.negotiationledger.core.api.RecordExchangeExecution;
import org.negotiationledger.core.api.RuleViolationException;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireNotBefore;
import static org.negotiationledger.core.negotiation.DatePolicy.requireReported;

/**
 * The exchanges of a negotiation (prisoners, bodies, anything counted): proposed with their
 * terms, agreed by their sides, carried out in numbered stages within the agreed numbers.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Exchanges {

    private Map<String, ExchangeState> exchanges = new HashMap<>();

    /** Whether the negotiation has a exchange by this id, retracted or not. */
    boolean knows(String exchangeId) {
        return exchanges.containsKey(exchangeId);
    }

    void propose(ProposeExchange command, Negotiation negotiation) {
        ExchangeProposed proposed = new ExchangeProposed(negotiation.id(), command.exchangeId(),
                command.proposedBy(), command.proposedOn(), command.terms(), command.note(), command.sources());
        ExchangeState known = exchanges.get(command.exchangeId());
        if (Repeats.isRepeat("exchange", command.exchangeId(), known == null ? null : known.print(), proposed,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        if (command.proposedBy() != null) {
            negotiation.membership().requireRegisteredParty(command.proposedBy());
        }
        String what = "exchange '" + command.exchangeId() + "'";
        var terms = command.terms();
        terms.sides().forEach(negotiation.membership()::requireRegisteredParty);
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
        negotiation.dates().requireEffectiveDate(command.proposedOn(), what, command.recordedAt());
        requireReported(command.proposedOn(), proposed.sources(), "the proposal of " + what);
        apply(proposed);
    }

    void agree(AgreeExchange command, Negotiation negotiation) {
        ExchangeState exchange = require(command.exchangeId(), negotiation);
        ExchangeAgreed agreed = new ExchangeAgreed(negotiation.id(), command.exchangeId(), command.partyIds(),
                command.agreedOn(), command.meetingId(), command.sources());
        String what = "exchange '" + command.exchangeId() + "'";
        if (Repeats.isRepeat(exchange.agreementPrint(), agreed, () -> new IdConflictException(
                "exchange-already-agreed", what + " was already agreed on " + exchange.agreedOn()
                + " with other terms of agreement"))) {
            return;
        }
        negotiation.requireOpen();
        agreed.partyIds().forEach(negotiation.membership()::requireRegisteredParty);
        Set<String> agreeingSides = agreed.partyIds().stream().filter(exchange.sides()::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (agreeingSides.size() < Math.min(2, exchange.sides().size())) {
            throw new RuleViolationException("too-few-agreeing-parties", what + " must be agreed by "
                    + (exchange.sides().size() == 1 ? "its giving side " : "at least two of its sides ")
                    + exchange.sides() + ", got " + agreed.partyIds());
        }
        if (command.meetingId() != null) {
            negotiation.meetings().require(command.meetingId(), negotiation);
        }
        negotiation.dates().requireEffectiveDate(command.agreedOn(), "the agreement of " + what,
                command.recordedAt());
        requireNotBefore(command.agreedOn(), exchange.proposedOn(), "the agreement of " + what, "it was proposed");
        requireReported(command.agreedOn(), agreed.sources(), "the agreement of " + what);
        apply(agreed);
    }

    void recordExecution(RecordExchangeExecution command, Negotiation negotiation) {
        ExchangeState exchange = require(command.exchangeId(), negotiation);
        String what = "exchange '" + command.exchangeId() + "'";
        String stage = "stage " + command.stage() + " of " + what;
        Map<String, Integer> released = command.released() == null ? Map.of() : new TreeMap<>(command.released());
        Map<String, Integer> totals = new TreeMap<>(exchange.totals());
        released.forEach((side, count) -> totals.merge(side, count, Integer::sum));
        ExchangeExecutionRecorded executed = new ExchangeExecutionRecorded(negotiation.id(), command.exchangeId(),
                command.stage(), command.executedOn(), released, totals, command.completes(), command.note(),
                command.sources());
        if (Repeats.isRepeat(exchange.stagePrints().get(command.stage()), stageContent(executed),
                () -> new IdConflictException("id-conflict", stage + " is already recorded with other content"))) {
            return;
        }
        negotiation.requireOpen();
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
                throw new RuleViolationException("negative-release", stage + " releases a negative number for '"
                        + side + "'");
            }
        });
        if (!exchange.allForAll()) {
            requireWithinAgreedNumbers(exchange, totals, stage);
        }
        negotiation.dates().requireEffectiveDate(command.executedOn(), stage, command.recordedAt());
        requireNotBefore(command.executedOn(), exchange.agreedOn(), stage, "it was agreed");
        requireReported(command.executedOn(), executed.sources(), stage);
        boolean reached = exchange.numbersReachedBy(totals);
        if (command.completes() && !exchange.allForAll() && !reached) {
            throw new RuleViolationException("numbers-not-reached", what + " cannot be completed: released so far "
                    + totals + " of the agreed " + exchange.quantities());
        }
        apply(executed);
        if (reached || command.completes()) {
            apply(new ExchangeCompleted(negotiation.id(), command.exchangeId(), command.executedOn(), totals));
        }
    }

    /** Whether the exchange was agreed; a refusal when there is no such exchange. */
    boolean isAgreed(String exchangeId, Negotiation negotiation) {
        return require(exchangeId, negotiation).agreementPrint() != null;
    }

    private ExchangeState require(String exchangeId, Negotiation negotiation) {
        ExchangeState exchange = exchanges.get(exchangeId);
        if (exchange == null) {
            throw RuleViolationException.unknown("exchange", exchangeId, negotiation.id());
        }
        return exchange;
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

    private static void requireWithinAgreedNumbers(ExchangeState exchange, Map<String, Integer> totals, String stage) {
        totals.forEach((side, total) -> {
            int agreed = exchange.quantities().getOrDefault(side, 0);
            if (total > agreed) {
                throw new RuleViolationException("beyond-agreed-numbers", stage + " would bring '" + side + "' to "
                        + total + " released, beyond the agreed " + agreed);
            }
        });
    }

    /** A stage as the command gave it: the running totals depend on the stages recorded since. */
    private static Object stageContent(ExchangeExecutionRecorded executed) {
        return new ExchangeExecutionRecorded(executed.negotiationId(), executed.exchangeId(), executed.stage(),
                executed.executedOn(), executed.released(), Map.of(), executed.completes(), executed.note(),
                executed.sources());
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
}
