package org.negotiationledger.api.commands;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GrowingSnapshotIntervalTest {

    private final List<Long> snapshotsAfter = new ArrayList<>();
    private long sequence;

    /** Feeds events 0 to {@code last} to a trigger outside any unit of work, so snapshots are taken at once. */
    private void handleUpTo(SnapshotTrigger trigger, long last) {
        for (; sequence <= last; sequence++) {
            trigger.eventHandled(new GenericDomainEventMessage<>("Negotiation", "n-1", sequence, "event"));
        }
    }

    @Test
    void snapshotsEveryIntervalWhileTheHistoryIsShortThenEveryTenthOfIt() {
        Snapshotter snapshotter = (type, id) -> snapshotsAfter.add(sequence);
        SnapshotTrigger trigger = new GrowingSnapshotInterval(snapshotter, 200).prepareTrigger(Object.class);
        trigger.initializationFinished();

        handleUpTo(trigger, 4_999);

        assertThat(snapshotsAfter).startsWith(199L, 399L, 599L);
        // Beyond 2,000 events a tenth of the history is longer than 200 events.
        assertThat(snapshotsAfter).containsSubsequence(1_799L, 1_999L, 2_221L, 2_467L, 2_741L);
        assertThat(snapshotsAfter).endsWith(4_175L, 4_638L).hasSize(18);
    }
}
