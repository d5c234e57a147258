package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The accounts of the records that took effect by {@code asOf} (null: all), as known at {@code knownAt}
 * (null: now); of one record only, when {@code recordId} is given.
 */
public record FindAccounts(String negotiationId, String recordId, LocalDate asOf, Instant knownAt) {
}
