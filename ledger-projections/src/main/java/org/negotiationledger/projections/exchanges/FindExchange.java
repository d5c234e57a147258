package org.negotiationledger.projections.exchanges;

import java.time.Instant;
import java.time.LocalDate;

/** One exchange as it stood on {@code asOf}, as known at {@code knownAt} (each null: now). */
public record FindExchange(String negotiationId, String exchangeId, LocalDate asOf, Instant knownAt) {
}
