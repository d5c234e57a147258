package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The gaps between the parties' offers on one topic, up to {@code asOf} as known at {@code knownAt};
 * with {@code machineCoded} false, from the statements people recorded only.
 */
public record FindOfferGaps(String negotiationId, String topicId, LocalDate asOf, Instant knownAt,
                            boolean machineCoded) {

    /** From every statement. */
    public FindOfferGaps(String negotiationId, String topicId, LocalDate asOf, Instant knownAt) {
        this(negotiationId, topicId, asOf, knownAt, true);
    }
}
