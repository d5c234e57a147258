package org.negotiationledger.projections.overview;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One negotiation with its parties, delegates and topics on {@code asOf} as known at {@code knownAt};
 * with {@code machineCoded} false, its counts leave out the records brought in from event data.
 */
public record FindNegotiation(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded) {

    /** Counting every record. */
    public FindNegotiation(String negotiationId, LocalDate asOf, Instant knownAt) {
        this(negotiationId, asOf, knownAt, true);
    }
}
