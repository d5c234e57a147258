package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The outcomes of a negotiation; each filter may be null.
 *
 * @param topicId only outcomes on this topic
 * @param partyId only outcomes this party is one of
 * @param machineCoded whether outcomes brought in from event data count; false: only those people recorded
 */
public record FindOutcomes(String negotiationId, String topicId, String partyId, LocalDate asOf,
                               Instant knownAt, boolean machineCoded) {

    /** With the outcomes a machine coded. */
    public FindOutcomes(String negotiationId, String topicId, String partyId, LocalDate asOf, Instant knownAt) {
        this(negotiationId, topicId, partyId, asOf, knownAt, true);
    }
}
