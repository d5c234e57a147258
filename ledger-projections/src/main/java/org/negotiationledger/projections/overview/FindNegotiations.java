package org.negotiationledger.projections.overview;

import java.time.Instant;
import java.time.LocalDate;

/** Every negotiation opened by {@code asOf} and recorded by {@code knownAt}, by id; each filter may be null. */
public record FindNegotiations(NegotiationStatus status, LocalDate asOf, Instant knownAt) {
}
