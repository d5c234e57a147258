package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A negotiation's outcomes in force on a day as known at a time, earliest first. */
public record OutcomeList(String negotiationId, LocalDate asOf, Instant knownAt, List<Outcome> outcomes) {
}
