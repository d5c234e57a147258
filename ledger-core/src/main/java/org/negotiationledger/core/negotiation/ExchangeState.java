package org.negotiationledger.core.negotiation;

import org.negotiationledger.core.api.ExchangeTerms;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the Negotiation aggregate remembers of one exchange: numbers and dates, no texts. */
record ExchangeState(long print, LocalDate proposedOn, List<String> sides, Map<String, Integer> quantities,
                     boolean allForAll, Long agreementPrint, LocalDate agreedOn, Map<Integer, Long> stagePrints,
                     Map<String, Integer> totals, boolean completed) {

    static ExchangeState proposed(long print, LocalDate proposedOn, ExchangeTerms terms) {
        return new ExchangeState(print, proposedOn, terms.sides(), terms.quantities(), terms.allForAll(), null,
                null, Map.of(), Map.of(), false);
    }

    boolean agreed() {
        return agreementPrint != null;
    }

    ExchangeState agreed(long print, LocalDate date) {
        return new ExchangeState(this.print, proposedOn, sides, quantities, allForAll, print, date, stagePrints,
                totals, completed);
    }

    ExchangeState executed(int stage, long print, Map<String, Integer> newTotals) {
        Map<Integer, Long> stages = new HashMap<>(stagePrints);
        stages.put(stage, print);
        return new ExchangeState(this.print, proposedOn, sides, quantities, allForAll, agreementPrint, agreedOn,
                stages, Map.copyOf(newTotals), completed);
    }

    ExchangeState markCompleted() {
        return new ExchangeState(print, proposedOn, sides, quantities, allForAll, agreementPrint, agreedOn,
                stagePrints, totals, true);
    }

    /** Whether these totals reach every side's agreed number; never true for an all-for-all exchange. */
    boolean numbersReachedBy(Map<String, Integer> newTotals) {
        return !allForAll && quantities.entrySet().stream()
                .allMatch(quantity -> newTotals.getOrDefault(quantity.getKey(), 0) >= quantity.getValue());
    }
}
