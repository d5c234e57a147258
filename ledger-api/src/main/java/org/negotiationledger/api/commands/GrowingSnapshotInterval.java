package org.negotiationledger.api.commands;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots a negotiation every {@code every} events, or every tenth of its history once that is
 * longer. A snapshot costs in proportion to the negotiation's size (it is written whole, after the
 * negotiation is read from the store), so a fixed interval made a command on a negotiation of
 * 100,000 events markedly dearer than one on a short negotiation; with an interval that grows with
 * the history, a command costs the same however long the history, and a load from the store still
 * reads at most a tenth of the history after the snapshot.
 */
final class GrowingSnapshotInterval implements SnapshotTriggerDefinition {

    /** The interval is at least this fraction of the history. */
    static final int FRACTION = 10;

    private final Snapshotter snapshotter;
    private final int every;

    GrowingSnapshotInterval(Snapshotter snapshotter, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("a snapshot interval is at least one event, not " + every);
        }
        this.snapshotter = snapshotter;
        this.every = every;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, every);
    }

    /** A negotiation kept in memory between commands keeps its trigger, and gets the snapshotter back. */
    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger kept) {
            kept.setSnapshotter(snapshotter);
            return kept;
        }
        return prepareTrigger(aggregateType);
    }

    static final class Trigger extends AbstractSnapshotTrigger {

        private static final long serialVersionUID = 1L;

        private final int every;
        private long sequence;
        private long sinceSnapshot;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int every) {
            super(snapshotter, aggregateType);
            this.every = every;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            if (message instanceof DomainEventMessage<?> event) {
                sequence = event.getSequenceNumber();
            }
            super.eventHandled(message);
        }

        @Override
        protected boolean exceedsThreshold() {
            sinceSnapshot++;
            return sinceSnapshot >= Math.max(every, (sequence + 1) / FRACTION);
        }

        @Override
        protected void reset() {
            sinceSnapshot = 0;
        }
    }
}
