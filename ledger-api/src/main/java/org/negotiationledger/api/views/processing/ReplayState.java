package org.negotiationledger.api.views.processing;

import java.time.Instant;

/**
 * The last replay requested for a view.
 *
 * @param state           BUILDING while the view is rebuilt into fresh tables (the live view answers
 *                        meanwhile), SWITCHING while every node pauses the view and the fresh tables
 *                        take over, DONE once they have, FAILED when the rebuild could not finish (the
 *                        live view is as it was)
 * @param resetAt         when the rebuilt tables took over
 * @param rebuiltPosition how far the rebuild has come in the history
 * @param targetPosition  where the history stood when the rebuild began
 */
public record ReplayState(long generation, String state, String requestedBy, Instant requestedAt, Instant resetAt,
                          String error, Long rebuiltPosition, Long targetPosition) {

    public static final String BUILDING = "BUILDING";
    public static final String SWITCHING = "SWITCHING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** The longest reason for a failure an admin is shown. */
    static final int ERROR_LENGTH = 500;

    /** The same replay with why it failed said in general words: the reason can name tables and SQL. */
    public ReplayState forReaders() {
        return error == null ? this : new ReplayState(generation, state, requestedBy, requestedAt, resetAt,
                "the rebuild failed; an admin sees why", rebuiltPosition, targetPosition);
    }

    /** Why a rebuild failed, as kept for an admin: trimmed to {@value #ERROR_LENGTH} characters. */
    static String trimmed(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 1) + "…";
    }

    /** Whether the replay is under way. */
    public boolean underWay() {
        return BUILDING.equals(state) || SWITCHING.equals(state);
    }

    /** The share of the history rebuilt so far, 0 to 1. */
    public double progress() {
        if (!underWay()) {
            return 1;
        }
        if (targetPosition == null || targetPosition <= 0 || rebuiltPosition == null) {
            return 0;
        }
        return Math.min(1, (double) rebuiltPosition / targetPosition);
    }
}
