package org.negotiationledger.projections.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record NegotiationList(LocalDate asOf, Instant knownAt, List<NegotiationSummary> negotiations) {
}
