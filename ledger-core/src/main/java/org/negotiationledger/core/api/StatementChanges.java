package org.negotiationledger.core.api;

import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * The fields a correction changes; a null field stays as it was.
 */
public record StatementChanges(Stance stance, String summary, Offer offer, String conditions,
                               LocalDate effectiveOn, LocalDate validUntil) {

    public StatementChanges(Stance stance, String summary, Offer offer, String conditions, LocalDate effectiveOn) {
        this(stance, summary, offer, conditions, effectiveOn, null);
    }


    /** Whether the correction would change nothing. (Not a getter: it is no part of the stored event.) */
    public boolean changesNothing() {
        return Stream.of(stance, summary, offer, conditions, effectiveOn, validUntil).allMatch(field -> field == null);
    }
}
