package org.negotiationledger.api.views.processing;

import java.util.List;

/**
 * How far a view is.
 *
 * @param position   the last global position every segment of the view has processed; -1 for none
 * @param lag        events stored but not yet processed by the view
 * @param replaying  whether the view is being rebuilt and has not yet reached where the history stood
 *                   when the replay began
 * @param progress   during a replay, the share of that history processed again (0 to 1); otherwise 1
 * @param runningHere whether this node's processor for the view is running
 * @param replay     the last replay requested, or null
 * @param state      UP; REPLAYING while rebuilt; DEGRADED when it set events aside (see deadLetters);
 *                   FAILING when this node's processing of a segment fails and is being retried
 * @param deadLetters how many events the view set aside, in the negotiations of {@code incompleteFor}
 * @param incompleteFor the negotiations whose answers from this view are incomplete
 */
public record ViewStatus(String name, long position, long head, long lag, boolean replaying, double progress,
                         boolean runningHere, List<Segment> segments, ReplayState replay, String state,
                         long deadLetters, List<String> incompleteFor) {

    public static final String UP = "UP";
    public static final String REPLAYING = "REPLAYING";
    public static final String DEGRADED = "DEGRADED";
    public static final String FAILING = "FAILING";

    /** The same status with what only an admin may see (which node holds a segment, why it or a replay fails) left out. */
    public ViewStatus forReaders() {
        List<Segment> plain = segments.stream().map(segment -> new Segment(segment.segment(), segment.position(),
                segment.replaying(), null, segment.error() == null ? null : "failing; an admin sees why")).toList();
        return new ViewStatus(name, position, head, lag, replaying, progress, runningHere, plain,
                replay == null ? null : replay.forReaders(), state, deadLetters, incompleteFor);
    }

    /**
     * @param owner the node processing the segment now, or null
     * @param error why this node's processing of the segment failed last (it is retried), or null
     */
    public record Segment(int segment, long position, boolean replaying, String owner, String error) {
    }
}
