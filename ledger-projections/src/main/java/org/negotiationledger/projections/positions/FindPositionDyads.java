package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The positions each party took towards each other party on each topic, on {@code asOf} (null: the
 * latest) as known at {@code knownAt} (null: now); without the statements a machine coded unless
 * {@code machineCoded}.
 */
public record FindPositionDyads(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded) {
}
