package org.negotiationledger.api.events;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The node's one follower of the event store's head: a thread that reads each new event once and
 * turns it into what the stream sends, and keeps the last events in order, each with the token
 * the follower stood at before it, so that a subscriber that has caught up on its own can join at
 * the right place and be handed the rest. It reads straight from the storage engine, with the
 * store's own tracking (gaps, transactions that commit late, are asked for again), and asks again
 * every {@link #POLL} while the store has nothing new. Not through the event store's shared cache:
 * a reader of that cache holds in memory every event cached after the last one it took, and a
 * million events stored at once filled a 512 MB heap. When the database fails, the follower reads
 * on from where it stood once it answers.
 */
final class EventTail implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EventTail.class);

    /**
     * One event the follower read.
     *
     * @param number its place in the follower's sequence, from 0
     * @param before the token the follower stood at before it (null: before the first event)
     */
    record Entry(long number, TrackingToken before, Outgoing outgoing) {
    }

    /** How long the follower waits before it asks again, when the store had nothing new. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final EventStorageEngine engine;
    private final Function<List<TrackedEventMessage<?>>, List<Outgoing>> outgoing;
    private final int kept;
    private final Runnable whenRead;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long next;
    /** The token after the last event read; null while none was. */
    private TrackingToken current;
    private volatile boolean started;

    /**
     * @param outgoing what the stream sends for a batch of events
     * @param kept     how many of the last events are kept for subscribers to join and to be sent
     * @param whenRead told after each batch read
     */
    EventTail(EventStorageEngine engine, Function<List<TrackedEventMessage<?>>, List<Outgoing>> outgoing, int kept,
              Runnable whenRead) {
        this.engine = engine;
        this.outgoing = outgoing;
        this.kept = kept;
        this.whenRead = whenRead;
    }

    @Override
    public void run() {
        synchronized (this) {
            current = engine.createHeadToken();
            started = true;
        }
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!readOn()) {
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Following the event store's head failed; reading on in a second: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Reads what was stored after where the follower stands, a batch at a time; answers whether there was any. */
    private boolean readOn() {
        TrackingToken from;
        synchronized (this) {
            from = current;
        }
        boolean read = false;
        try (Stream<? extends TrackedEventMessage<?>> stored = engine.readEvents(from, true)) {
            Iterator<? extends TrackedEventMessage<?>> events = stored.iterator();
            while (events.hasNext() && !Thread.currentThread().isInterrupted()) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                do {
                    batch.add(events.next());
                } while (batch.size() < EventSubscriptions.BATCH && events.hasNext());
                append(outgoing.apply(batch));
                whenRead.run();
                read = true;
            }
        }
        return read;
    }

    private synchronized void append(List<Outgoing> read) {
        for (Outgoing each : read) {
            entries.addLast(new Entry(next++, current, each));
            current = each.message().trackingToken();
            if (entries.size() > kept) {
                entries.removeFirst();
            }
        }
    }

    /**
     * Where a subscriber that stands at {@code token} joins: the number of the first kept event
     * whose token before it the subscriber's covers (every event after that point reaches it
     * from here), or the number of the next event when its token covers where the follower
     * stands; empty when neither holds (the subscriber is further behind than what is kept, or
     * ahead of the follower, or waits for an event the follower has read), or before the follower began.
     */
    synchronized OptionalLong joinAt(TrackingToken token) {
        if (!started) {
            return OptionalLong.empty();
        }
        for (Entry entry : entries) {
            if (covers(token, entry.before())) {
                return OptionalLong.of(entry.number());
            }
        }
        return covers(token, current) ? OptionalLong.of(next) : OptionalLong.empty();
    }

    /** The kept events from number {@code from} on; null when the first of them is no longer kept. */
    synchronized List<Entry> from(long from) {
        if (from >= next) {
            return List.of();
        }
        if (entries.isEmpty() || entries.peekFirst().number() > from) {
            return null;
        }
        List<Entry> found = new ArrayList<>((int) (next - from));
        for (Entry entry : entries) {
            if (entry.number() >= from) {
                found.add(entry);
            }
        }
        return found;
    }

    /** The number the next event read will have. */
    synchronized long next() {
        return next;
    }

    /** Whether a subscriber at {@code token} has had everything up to {@code point} (null: nothing). */
    static boolean covers(TrackingToken token, TrackingToken point) {
        if (point == null) {
            return true;
        }
        return token != null && token.covers(point);
    }

    /** The subscriber's cursor after an event: everything it had, and everything up to the event. */
    static TrackingToken after(TrackingToken token, TrackingToken event) {
        if (token == null || event.covers(token)) {
            return event;
        }
        return token instanceof GapAwareTrackingToken gapAware ? gapAware.upperBound(event) : event;
    }
}
