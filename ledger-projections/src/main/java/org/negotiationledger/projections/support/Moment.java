package org.negotiationledger.projections.support;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a view is asked about: a day ({@code asOf}, the effective date; none: the latest) as known
 * at a time ({@code knownAt}, the recording time; none: everything recorded so far).
 */
public record Moment(LocalDate day, Instant at) {

    /** A day after any real one, for "the latest". */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    /** A recording time after any real one, for "everything recorded so far". */
    public static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    public Moment {
        day = day == null ? LAST_DAY : day;
        at = at == null ? END_OF_TIME : at;
    }

    /** Whether what took effect on {@code on} (none: never), recorded at {@code recordedAt}, held then. */
    public boolean holds(LocalDate on, Instant recordedAt) {
        return on != null && !on.isAfter(day) && !recordedAt.isAfter(at);
    }

    /** Whether a party that joined on {@code joinedOn}, and left on {@code leftOn} (recorded then) if it did, took part. */
    public boolean present(LocalDate joinedOn, LocalDate leftOn, Instant leftRecordedAt) {
        return !joinedOn.isAfter(day) && !holds(leftOn, leftRecordedAt);
    }
}
