package org.negotiationledger.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fields a correction changes; a null field stays as it was. {@code sources}, when given,
 * replace the statement's sources as a whole: a report found later is added by giving them all.
 */
public record StatementChanges(Stance stance, String summary, Offer offer, String conditions,
                               LocalDate effectiveOn, LocalDate validUntil, List<Source> sources) {

    public StatementChanges(Stance stance, String summary, Offer offer, String conditions, LocalDate effectiveOn,
                            LocalDate validUntil) {
        this(stance, summary, offer, conditions, effectiveOn, validUntil, null);
    }

    public StatementChanges(Stance stance, String summary, Offer offer, String conditions, LocalDate effectiveOn) {
        this(stance, summary, offer, conditions, effectiveOn, null, null);
    }

    public StatementChanges {
        sources = sources == null ? null : List.copyOf(sources);
    }


    /** Whether the correction would change nothing. (Not a getter: it is no part of the stored event.) */
    public boolean changesNothing() {
        return Stream.of(stance, summary, offer, conditions, effectiveOn, validUntil, sources).allMatch(field -> field == null);
    }
}
