package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The bodies created by {@code asOf} (null: the latest) as known at {@code knownAt} (null: now);
 * those with {@code partyId} among their members only, when it is given; those not dissolved by the
 * day only, when {@code active}.
 */
public record FindBodies(String negotiationId, LocalDate asOf, Instant knownAt, String partyId, boolean active) {
}
