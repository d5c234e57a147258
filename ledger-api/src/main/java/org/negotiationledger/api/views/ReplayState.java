package org.negotiationledger.api.views;

import java.time.Instant;

/**
 * The last replay requested for a view.
 *
 * @param state   STOPPING while the nodes stop their processors, RUNNING once the view was reset
 *                and is rebuilding, FAILED when the reset could not be done
 * @param resetAt when the view was emptied and its tokens set back
 */
public record ReplayState(long generation, String state, String requestedBy, Instant requestedAt, Instant resetAt,
                          String error) {

    public static final String STOPPING = "STOPPING";
    public static final String RUNNING = "RUNNING";
    public static final String FAILED = "FAILED";
}
