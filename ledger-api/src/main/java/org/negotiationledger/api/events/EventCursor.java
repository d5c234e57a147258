package org.negotiationledger.api.events;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.negotiationledger.api.problems.ProblemException;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a subscriber stands in the stream, as the text it is given with each event and gives back
 * to resume: the highest position seen, and the lower positions not yet seen because their
 * transactions had not committed (e.g. {@code 57} or {@code 57~50,52}). Resuming from it misses
 * no event that commits late and repeats none.
 */
final class EventCursor {

    private static final Pattern FORM = Pattern.compile("[0-9]{1,18}(~[0-9]{1,18}(,[0-9]{1,18}){0,999})?");
    static final String MESSAGE = "must be 0 (from the first event) or the id of an event of the stream, like 57 "
            + "or 57~50,52";

    private EventCursor() {
    }

    static String of(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return String.valueOf(token == null ? 0 : token.position().orElse(0));
        }
        return gapAware.getIndex() + (gapAware.getGaps().isEmpty() ? ""
                : "~" + gapAware.getGaps().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** The token to resume after; null (from the first event) for none or 0. */
    static TrackingToken parse(String parameter, String cursor) {
        if (cursor == null || cursor.isBlank() || cursor.equals("0")) {
            return null;
        }
        if (!FORM.matcher(cursor).matches()) {
            throw ProblemException.invalidParameter(parameter, MESSAGE);
        }
        String[] parts = cursor.split("~");
        long index = Long.parseLong(parts[0]);
        SortedSet<Long> gaps = new TreeSet<>();
        if (parts.length > 1) {
            Arrays.stream(parts[1].split(",")).map(Long::parseLong).forEach(gaps::add);
        }
        if (!gaps.isEmpty() && gaps.last() >= index) {
            throw ProblemException.invalidParameter(parameter, MESSAGE);
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }
}
