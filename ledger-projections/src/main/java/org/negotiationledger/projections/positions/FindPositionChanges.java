package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What moved between two effective dates ({@code to} null: the latest), as known at {@code knownAt}; with a
 * {@code counterpartId}, in the positions towards that party.
 */
public record FindPositionChanges(String negotiationId, LocalDate from, LocalDate to, Instant knownAt,
                                   boolean machineCoded, String counterpartId) {

    /** In the positions towards anyone. */
    public FindPositionChanges(String negotiationId, LocalDate from, LocalDate to, Instant knownAt,
                               boolean machineCoded) {
        this(negotiationId, from, to, knownAt, machineCoded, null);
    }

    /** With the records a machine coded. */
    public FindPositionChanges(String negotiationId, LocalDate from, LocalDate to, Instant knownAt) {
        this(negotiationId, from, to, knownAt, true, null);
    }
}
