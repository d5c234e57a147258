package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the statements counting on {@code asOf} (null: the latest) as known at {@code knownAt} (null:
 * now) link to, and which topics are linked; without the statements a machine coded unless
 * {@code machineCoded}.
 */
public record FindLinkage(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded) {
}
