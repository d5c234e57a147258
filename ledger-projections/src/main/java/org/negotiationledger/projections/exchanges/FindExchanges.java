package org.negotiationledger.projections.exchanges;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every exchange of a negotiation proposed by {@code asOf} and recorded by {@code knownAt} (each
 * null: all), in the order they were proposed, each as it stood then.
 */
public record FindExchanges(String negotiationId, LocalDate asOf, Instant knownAt) {
}
