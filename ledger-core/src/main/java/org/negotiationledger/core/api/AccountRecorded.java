package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One account of a record, as a source tells it; {@code recordKind} and {@code recordDay} are those of
 * the record it concerns (the day it took effect).
 */
@Revision("1")
public record AccountRecorded(@Required String negotiationId, @Required String accountId, @Required String recordId,
                              @Required RecordKind recordKind, @Required LocalDate recordDay, String field,
                              String text, BigDecimal value, String unit, String reportedBy, List<Source> sources)
        implements NegotiationEvent {

    public AccountRecorded {
        sources = Collections2.list(sources);
    }

    @Override
    public LocalDate effectiveDate() {
        return recordDay;
    }

    @Override
    public List<String> involvedParties() {
        return reportedBy == null ? List.of() : List.of(reportedBy);
    }
}
