package org.negotiationledger.projections.exchanges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record ExchangeList(String negotiationId, LocalDate asOf, Instant knownAt, List<Exchange> exchanges) {
}
