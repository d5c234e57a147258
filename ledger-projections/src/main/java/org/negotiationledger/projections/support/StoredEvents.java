package org.negotiationledger.projections.support;

import java.util.Collection;
import java.util.Map;

/**
 * The payloads of stored events, read from the event store itself: a view that shows them keeps
 * no second copy. Each is the event as the ledger loads it (upcast to the current revision),
 * written as JSON the way {@link Rows#json} writes it.
 */
@FunctionalInterface
public interface StoredPayloads {

    /** The payload of the event at each global position named; a position the store does not hold is left out. */
    Map<Long, String> json(Collection<Long> positions);
}
