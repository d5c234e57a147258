package org.negotiationledger.api.views;

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
 */
public record ViewStatus(String name, long position, long head, long lag, boolean replaying, double progress,
                         boolean runningHere, List<Segment> segments, ReplayState replay) {

    /**
     * @param owner the node processing the segment now, or null
     * @param error why this node's processing of the segment failed last (it is retried), or null
     */
    public record Segment(int segment, long position, boolean replaying, String owner, String error) {
    }
}
