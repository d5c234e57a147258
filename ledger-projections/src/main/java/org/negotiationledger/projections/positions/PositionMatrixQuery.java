package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The positions of every party on every topic.
 *
 * @param asOf    the effective date to look at; null for the latest statements
 * @param knownAt the recording time to look from; null for everything recorded so far
 */
public record PositionMatrixQuery(String negotiationId, LocalDate asOf, Instant knownAt) {
}
