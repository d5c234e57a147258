package org.negotiationledger.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The ledger's index of its events: one row per event with its negotiation, type, effective day
 * and recording time, kept by the audit view for its filters. Other views count from it instead
 * of keeping a copy of every event of their own.
 */
public interface EventIndex {

    /**
     * For each negotiation (or the one named; null: all), the events recorded by {@code moment.at()}
     * that were in force on {@code moment.day()} (an event without an effective day always is);
     * with {@code machineCoded} false, without the records brought in from event data.
     */
    Map<String, Counts> counts(Moment moment, String negotiationId, boolean machineCoded);

    /** How many events of each kind, the first and last effective day, the last recording time. */
    record Counts(long events, long statements, long corrections, long retractions, long meetings, long exchanges,
                  long outcomes, LocalDate firstEffectiveOn, LocalDate lastEffectiveOn, Instant lastRecordedAt) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, null, null, null);
    }
}
