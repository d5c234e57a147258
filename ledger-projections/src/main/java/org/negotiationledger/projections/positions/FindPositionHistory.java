package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every version of every statement of one party on one topic effective by {@code asOf} (null: all),
 * as known at {@code knownAt} (null: now); without the statements a machine coded unless {@code machineCoded};
 * with a {@code counterpartId}, only the statements addressed to that party.
 */
public record FindPositionHistory(String negotiationId, String partyId, String topicId, LocalDate asOf,
                                   Instant knownAt, boolean machineCoded, String counterpartId) {

    /** To whomever addressed. */
    public FindPositionHistory(String negotiationId, String partyId, String topicId, LocalDate asOf,
                                Instant knownAt, boolean machineCoded) {
        this(negotiationId, partyId, topicId, asOf, knownAt, machineCoded, null);
    }

    /** With the records a machine coded. */
    public FindPositionHistory(String negotiationId, String partyId, String topicId, LocalDate asOf,
                                Instant knownAt) {
        this(negotiationId, partyId, topicId, asOf, knownAt, true, null);
    }
}
