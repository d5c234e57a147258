package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every version of every statement of one party on one topic effective by {@code asOf} (null: all),
 * as known at {@code knownAt} (null: now); without the statements a machine coded unless {@code machineCoded}.
 */
public record FindPositionHistory(String negotiationId, String partyId, String topicId, LocalDate asOf,
                                   Instant knownAt, boolean machineCoded) {

    /** With the records a machine coded. */
    public FindPositionHistory(String negotiationId, String partyId, String topicId, LocalDate asOf,
                                Instant knownAt) {
        this(negotiationId, partyId, topicId, asOf, knownAt, true);
    }
}
