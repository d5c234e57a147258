package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.negotiationledger.core.api.ExchangeTerms;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the Negotiation aggregate remembers of one exchange: numbers and dates, no texts. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class ExchangeState {

    long print;
    LocalDate proposedOn;
    List<String> sides;
    Map<String, Integer> quantities;
    boolean allForAll;
    Long agreementPrint;
    LocalDate agreedOn;
    Map<Integer, Long> stagePrints = new HashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    boolean completed;

    ExchangeState() {
    }

    ExchangeState(long print, LocalDate proposedOn, ExchangeTerms terms) {
        this.print = print;
        this.proposedOn = proposedOn;
        this.sides = terms.sides();
        this.quantities = terms.quantities();
        this.allForAll = terms.allForAll();
    }

    boolean agreed() {
        return agreementPrint != null;
    }

    /** Whether these totals reach every side's agreed number; never true for an all-for-all exchange. */
    boolean numbersReachedBy(Map<String, Integer> newTotals) {
        return !allForAll && quantities.entrySet().stream()
                .allMatch(quantity -> newTotals.getOrDefault(quantity.getKey(), 0) >= quantity.getValue());
    }
}
