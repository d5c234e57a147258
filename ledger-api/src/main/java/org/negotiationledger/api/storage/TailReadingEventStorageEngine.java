package org.negotiationledger.api.storage;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC event store, reading the store's tail in one query where Axon's takes two.
 *
 * <p>Axon reads a stream of tracked events batch by batch until a batch comes back empty. At the
 * tail of the store, where the reader the views share lives (Axon's event store asks it for a
 * stream that "may block"), that is a second transaction for every read that found anything: one
 * event stored, two reads. There a batch shorter than asked for is the last one; that reader asks
 * again from where it stopped whenever it found events, so nothing is missed, and one read fewer
 * is made for each wake-up. A stream that may not block (a view catching up from behind, a
 * replay) reads on until a batch is empty, as Axon's does: a batch short for gaps in the global
 * index must not end it there.
 */
class TailReadingEventStorageEngine extends JdbcEventStorageEngine {

    TailReadingEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        return StreamSupport.stream(new Batches(trackingToken), false);
    }

    /** The events after a token, a batch at a time, until a batch is not full. */
    private final class Batches extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> batch;
        private boolean lastBatch;

        Batches(TrackingToken from) {
            super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
            this.last = from;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (batch == null || !batch.hasNext()) {
                if (lastBatch) {
                    return false;
                }
                List<? extends TrackedEventData<?>> read = fetchTrackedEvents(last, batchSize());
                lastBatch = read.size() < batchSize();
                batch = read.iterator();
                if (!batch.hasNext()) {
                    return false;
                }
            }
            TrackedEventData<?> next = batch.next();
            last = next.trackingToken();
            action.accept(next);
            return true;
        }
    }
}
