package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The outcomes of a negotiation; each filter may be null.
 *
 * @param topicId only outcomes on this topic
 * @param partyId only outcomes this party is one of
 */
public record OutcomeListQuery(String negotiationId, String topicId, String partyId, LocalDate asOf,
                               Instant knownAt) {
}
