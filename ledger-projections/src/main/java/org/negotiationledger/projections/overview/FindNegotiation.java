package org.negotiationledger.projections.overview;

import java.time.Instant;
import java.time.LocalDate;

/** One negotiation with its parties, delegates and topics on {@code asOf} as known at {@code knownAt}. */
public record FindNegotiation(String negotiationId, LocalDate asOf, Instant knownAt) {
}
