package org.negotiationledger.core.negotiation;

import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * When what is recorded can have happened: not after the day it is recorded, not before the
 * negotiation opened (or before what it follows), not after its first source was published; a proposal
 * does not lapse before it was made. Time comes in with the command ({@code recordedAt}).
 */
final class DatePolicy {

    /**
     * The calendar runs furthest ahead at UTC+14: a date that is "today" anywhere on Earth at the
     * recording instant is not in the future.
     */
    private static final ZoneOffset EARLIEST_TIME_ZONE = ZoneOffset.ofHours(14);

    private final LocalDate openedOn;

    DatePolicy(LocalDate openedOn) {
        this.openedOn = openedOn;
    }

    /** Effective dates lie between the opening of the negotiation and the day they are recorded. */
    void requireEffectiveDate(LocalDate date, String what, Instant recordedAt) {
        requireNotAfterRecording(date, what, recordedAt);
        requireNotBefore(date, openedOn, what, "the negotiation opened");
    }

    static void requireNotAfterRecording(LocalDate date, String what, Instant recordedAt) {
        LocalDate today = recordedAt.atOffset(EARLIEST_TIME_ZONE).toLocalDate();
        if (date.isAfter(today)) {
            throw new RuleViolationException("date-in-future", "the date " + date + " of " + what
                    + " is after the day it is recorded (" + recordedAt.atOffset(ZoneOffset.UTC).toLocalDate() + ")");
        }
    }

    static void requireNotBefore(LocalDate date, LocalDate earliest, String what, String since) {
        if (date.isBefore(earliest)) {
            throw new RuleViolationException("date-too-early", "the date " + date + " of " + what + " is before "
                    + since + " on " + earliest);
        }
    }

    /** A record that can take its day from a meeting needs one or the other. */
    static void requireDay(LocalDate date, String field, String what) {
        if (date == null) {
            throw new RuleViolationException("no-date", what + " needs " + field + " or the meetingId of a recorded "
                    + "meeting, whose day it then takes");
        }
    }

    /**
     * What is recorded happened no later than its first report, and each source points at the
     * report, not at a site's front page (which says nothing of where it was reported).
     */
    static void requireReported(LocalDate effectiveOn, List<Source> sources, String what) {
        for (int i = 0; i < sources.size(); i++) {
            if (Source.isFrontPage(sources.get(i).url())) {
                throw new InvalidValueException("sources[" + i + "].url", "is the front page of a site ("
                        + sources.get(i).url() + "); give the address of the report itself");
            }
        }
        requireNotAfterPublication(effectiveOn, Source.firstPublished(sources), what);
    }

    static void requireNotAfterPublication(LocalDate effectiveOn, LocalDate publishedOn, String what) {
        if (publishedOn != null && effectiveOn.isAfter(publishedOn)) {
            throw new RuleViolationException("effective-after-publication", "the date " + effectiveOn + " of " + what
                    + " is after its first source was published on " + publishedOn);
        }
    }

    static void requireValidUntil(LocalDate validUntil, LocalDate effectiveOn, String what) {
        if (validUntil != null && validUntil.isBefore(effectiveOn)) {
            throw new RuleViolationException("lapses-before-made", "the proposal of " + what + " would lapse on "
                    + validUntil + ", before it was made on " + effectiveOn);
        }
    }
}
