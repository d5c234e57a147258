package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.RecordKind;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.projections.support.Sourced;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Contested accounts: per record and part of it ({@code field}), every account of it side by side,
 * each with its sources. Nothing is averaged or chosen: {@code differ} says whether the standing
 * accounts give different figures or wordings.
 */
public record AccountList(String negotiationId, LocalDate asOf, Instant knownAt, List<Contested> records) {

    /**
     * One record, or one part of it, as the accounts tell it.
     *
     * @param recordDay the day the record took effect
     * @param differ    whether the accounts not retracted give more than one figure (in one unit) or wording
     */
    public record Contested(String recordId, RecordKind recordKind, LocalDate recordDay, String field, boolean differ,
                            List<Account> accounts) {
    }

    /**
     * One account, in the order recorded.
     *
     * @param reportedBy the party whose account it is, if one
     * @param recordedAt when the account was recorded
     */
    public record Account(String accountId, String text, BigDecimal value, String unit, String reportedBy,
                          List<Source> sources, Instant recordedAt, boolean retracted, String retractionReason)
            implements Sourced {
    }
}
