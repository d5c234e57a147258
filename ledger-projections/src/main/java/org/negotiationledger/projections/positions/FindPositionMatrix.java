package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The positions of every party on every topic.
 *
 * @param asOf    the effective date to look at; null for the latest statements
 * @param knownAt the recording time to look from; null for everything recorded so far
 * @param machineCoded whether records brought in from event data count; false: only those people recorded
 * @param minPublishers how many independent publishers must report a statement for it to count; 0: any
 * @param counterpartId only statements addressed to this party count; null: every statement
 */
public record FindPositionMatrix(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded,
                                 int minPublishers, String counterpartId) {

    /** Every statement, to whomever addressed. */
    public FindPositionMatrix(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded,
                              int minPublishers) {
        this(negotiationId, asOf, knownAt, machineCoded, minPublishers, null);
    }

    /** With the records a machine coded, however many publishers report them. */
    public FindPositionMatrix(String negotiationId, LocalDate asOf, Instant knownAt) {
        this(negotiationId, asOf, knownAt, true, 0);
    }

    /** However many publishers report the records. */
    public FindPositionMatrix(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded) {
        this(negotiationId, asOf, knownAt, machineCoded, 0);
    }
}
