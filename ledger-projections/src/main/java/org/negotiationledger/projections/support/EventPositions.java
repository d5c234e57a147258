package org.negotiationledger.projections.support;

import java.util.Collection;
import java.util.Map;

/**
 * The global position at which the store holds each event, by event identifier.
 *
 * <p>A view that orders by global position must take it from here, never from the processor's
 * tracking token: on PostgreSQL events commit out of order, and after an event that fills such a
 * gap the token carries the highest position seen, not that event's own.
 */
@FunctionalInterface
public interface EventPositions {

    /** The position of every event named; an event the store does not hold is an error. */
    Map<String, Long> of(Collection<String> eventIds);
}
