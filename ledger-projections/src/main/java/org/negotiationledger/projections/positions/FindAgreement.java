package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/** One agreement as it stood on {@code asOf} as known at {@code knownAt}; each may be null. */
public record FindAgreement(String negotiationId, String agreementId, LocalDate asOf, Instant knownAt) {
}
