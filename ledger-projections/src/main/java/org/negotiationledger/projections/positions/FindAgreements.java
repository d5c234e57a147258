package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/** The agreements a negotiation's parties signed by {@code asOf}, as recorded by {@code knownAt}; each may be null. */
public record FindAgreements(String negotiationId, LocalDate asOf, Instant knownAt) {
}
