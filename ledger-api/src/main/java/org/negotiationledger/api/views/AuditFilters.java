package org.negotiationledger.api.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The query parameters of both audit endpoints, bound by name; every one is optional.
 *
 * @param type           event types, repeated or comma-separated
 * @param party          only events that name this party
 * @param recordedBefore exclusive
 * @param effectiveTo    inclusive
 * @param after          the cursor of a page's {@code next} link
 * @param waitFor        a position the answer waits for
 */
record AuditFilters(List<String> type, String party, Instant recordedFrom, Instant recordedBefore,
                    LocalDate effectiveFrom, LocalDate effectiveTo, String after, Integer limit, Long waitFor) {
}
