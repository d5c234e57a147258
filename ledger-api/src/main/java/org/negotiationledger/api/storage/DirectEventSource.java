package org.negotiationledger.api.storage;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The stored events, read by each reader straight from the storage engine, a batch at a time.
 *
 * <p>Axon's event store gives the readers that reach the head one shared cache, filled by a
 * thread of its own as fast as the database answers and emptied only by a clean-up every ten
 * seconds: a million events stored at once while the views stood at the head filled a 512 MB
 * heap (docs/performance.md, "The cost curve to ten million events"). Here a reader holds one
 * batch of the engine's at most, however far behind it is, and at the head asks the engine again
 * when an event is committed through this node, or every {@link #POLL} for the events other nodes
 * store.
 */
public final class DirectEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** How soon a reader at the head sees what another node (or a bulk import) stored. */
    static final Duration POLL = Duration.ofMillis(50);

    private static final String SIGNALLED = DirectEventSource.class.getName() + ".signalled";

    private final EventStorageEngine engine;
    private final Object commits = new Object();
    private long committed;

    /** Readers wake when {@code bus} (the node's event store) commits events. */
    public DirectEventSource(EventStorageEngine engine, EventBus bus) {
        this.engine = engine;
        bus.registerDispatchInterceptor(messages -> {
            signalAfterCommit();
            return (index, message) -> message;
        });
    }

    private void signalAfterCommit() {
        if (!CurrentUnitOfWork.isStarted()) {
            committed();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(SIGNALLED, key -> {
            root.afterCommit(unitOfWork -> committed());
            return Boolean.TRUE;
        });
    }

    private void committed() {
        synchronized (commits) {
            committed++;
            commits.notifyAll();
        }
    }

    private long commitsSoFar() {
        synchronized (commits) {
            return committed;
        }
    }

    /** Waits until a commit after the {@code seen}-th, or {@code nanos} have passed. */
    private void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        synchronized (commits) {
            if (committed == seen) {
                TimeUnit.NANOSECONDS.timedWait(commits, nanos);
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken after) {
        return new Reader(after);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    /**
     * One reader: the engine's stream from where it stands, opened again from its last event once
     * that stream has ended (the engine's stream at the head ends with its first short batch).
     */
    private final class Reader implements BlockingStream<TrackedEventMessage<?>> {

        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> stored;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;

        Reader(TrackingToken after) {
            this.last = after;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(readAhead());
        }

        /** The next event if the engine has one now (one read at most when none is at hand). */
        private TrackedEventMessage<?> readAhead() {
            if (next != null) {
                return next;
            }
            if (events == null) {
                stored = engine.readEvents(last, true);
                events = stored.iterator();
            }
            if (events.hasNext()) {
                next = events.next();
                last = next.trackingToken();
            } else {
                close();
            }
            return next;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = commitsSoFar();
                if (readAhead() != null) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                awaitCommitAfter(seen, Math.min(left, POLL.toNanos()));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable((int) POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                // wait on until an event is stored
            }
            TrackedEventMessage<?> taken = next;
            next = null;
            return taken;
        }

        @Override
        public void close() {
            if (stored != null) {
                stored.close();
            }
            stored = null;
            events = null;
        }
    }
}
