package org.negotiationledger.projections.overview;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every negotiation opened by {@code asOf} and recorded by {@code knownAt}, by id; each filter may be
 * null. With {@code machineCoded} false, the counts leave out the records brought in from event data.
 */
public record FindNegotiations(NegotiationStatus status, LocalDate asOf, Instant knownAt, boolean machineCoded) {

    /** Counting every record. */
    public FindNegotiations(NegotiationStatus status, LocalDate asOf, Instant knownAt) {
        this(status, asOf, knownAt, true);
    }
}
