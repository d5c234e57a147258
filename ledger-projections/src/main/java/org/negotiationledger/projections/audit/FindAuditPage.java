package org.negotiationledger.projections.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A page of the audit trail. Every filter is optional.
 *
 * @param negotiationId  one negotiation, or null for all
 * @param types          event types (e.g. StatementRecorded); empty for all
 * @param partyId        only events concerning this party
 * @param recordedFrom   recorded at or after
 * @param recordedBefore recorded before
 * @param effectiveFrom  effective on or after
 * @param effectiveTo    effective on or before
 * @param asOf           in force on that day: effective on or before it, or without an effective day
 * @param machineCoded   false: without the records brought in from event data
 * @param after          the position the previous page ended at; 0 for the first page
 * @param limit          the most entries to answer
 */
public record FindAuditPage(String negotiationId, Set<String> types, String partyId, Instant recordedFrom,
                            Instant recordedBefore, LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate asOf,
                            boolean machineCoded, long after, int limit) {

    public FindAuditPage {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** A page without asOf. */
    public FindAuditPage(String negotiationId, Set<String> types, String partyId, Instant recordedFrom,
                         Instant recordedBefore, LocalDate effectiveFrom, LocalDate effectiveTo, long after,
                         int limit) {
        this(negotiationId, types, partyId, recordedFrom, recordedBefore, effectiveFrom, effectiveTo, null, true,
                after, limit);
    }
}
