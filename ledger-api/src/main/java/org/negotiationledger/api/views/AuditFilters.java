package org.negotiationledger.api.views;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The query parameters of both audit endpoints, bound by name; every one is optional.
 *
 * @param type           event types, repeated or comma-separated
 * @param party          only events that name this party
 * @param recordedBefore exclusive
 * @param effectiveTo    inclusive
 * @param asOf           as every view takes it: the events in force on that day (an event without an
 *                       effective day always is)
 * @param knownAt        as every view takes it: the events recorded at or before that time; with
 *                       {@code recordedBefore}, the earlier of the two
 * @param machineCoded   include (null: the default) or exclude the records brought in from event data
 * @param after          the cursor of a page's {@code next} link
 * @param waitFor        a position the answer waits for
 */
record AuditFilters(List<String> type, String party, Instant recordedFrom, Instant recordedBefore,
                    LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate asOf, Instant knownAt,
                    String machineCoded, String after, Integer limit, Long waitFor) {

    /**
     * The recording time the events must be before: the earlier of recordedBefore and the instant
     * just after knownAt (recording times are kept to the microsecond); null for none.
     */
    Instant recordedBeforeBound() {
        Instant justAfter = knownAt == null ? null : knownAt.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        if (justAfter == null || recordedBefore == null) {
            return justAfter == null ? recordedBefore : justAfter;
        }
        return justAfter.isBefore(recordedBefore) ? justAfter : recordedBefore;
    }
}
