package org.negotiationledger.api.views;

import org.negotiationledger.api.problems.ProblemException;

/** The reads' {@code machineCoded} parameter: records brought in from event data count unless it says exclude. */
final class MachineCoded {

    static final String INCLUDE = "include";

    private MachineCoded() {
    }

    /** Whether records a machine coded count, or a refusal naming the parameter. */
    static boolean included(String machineCoded) {
        return switch (machineCoded) {
            case INCLUDE -> true;
            case "exclude" -> false;
            default -> throw ProblemException.invalidParameter("machineCoded", "must be include or exclude");
        };
    }
}
