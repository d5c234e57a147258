package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The positions of every party on every topic.
 *
 * @param asOf    the effective date to look at; null for the latest statements
 * @param knownAt the recording time to look from; null for everything recorded so far
 * @param machineCoded whether records brought in from event data count; false: only those people recorded
 */
public record FindPositionMatrix(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded) {

    /** With the records a machine coded. */
    public FindPositionMatrix(String negotiationId, LocalDate asOf, Instant knownAt) {
        this(negotiationId, asOf, knownAt, true);
    }
}
