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
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The node's one follower of the event store's head: a thread that reads each new event once and
 * turns it into what the stream sends, and keeps the last events in order, each with the token
 * the follower stood at before it, so that a subscriber that has caught up on its own can join at
 * the right place and be handed the rest. It reads straight from the storage engine, with the
 * store's own tracking (gaps, transactions that commit late, are asked for again), and asks again
 * every {@link #POLL} while the store has nothing new; what a subscriber is sent is made once, when
 * the first subscriber wants it. While no subscriber is live it reads nothing and only keeps up
 * with the head. Not through the event store's shared cache:
 * a reader of that cache holds in memory every event cached after the last one it took, and a
 * million events stored at once filled a 512 MB heap. When the database fails, the follower reads
 * on from where it stood once it answers.
 */
final class EventTail implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EventTail.class);

    /** What the stream sends for an event, given its global position. */
    interface Conversion {
        Outgoing outgoing(TrackedEventMessage<?> message, long position);
    }

    /**
     * One event the follower read: its place in the follower's sequence (from 0), the token the
     * follower stood at before it (null: before the first event), and what the stream sends for
     * it, made when a subscriber first wants it (the positions of its batch looked up at once).
     */
    static final class Entry {
        private final long number;
        private final TrackingToken before;
        private final TrackedEventMessage<?> message;
        private final Batch batch;
        private Outgoing outgoing;

        Entry(long number, TrackingToken before, TrackedEventMessage<?> message, Batch batch) {
            this.number = number;
            this.before = before;
            this.message = message;
            this.batch = batch;
        }

        long number() {
            return number;
        }

        TrackingToken before() {
            return before;
        }

        TrackedEventMessage<?> message() {
            return message;
        }

        synchronized Outgoing outgoing() {
            if (outgoing == null) {
                outgoing = batch.conversion.outgoing(message, batch.position(message));
            }
            return outgoing;
        }
    }

    /** The events read together, whose global positions are looked up in one query when first needed. */
    private static final class Batch {
        private final List<TrackedEventMessage<?>> messages;
        private final Function<List<String>, Map<String, Long>> lookUp;
        private final Conversion conversion;
        private Map<String, Long> positions;

        Batch(List<TrackedEventMessage<?>> messages, Function<List<String>, Map<String, Long>> lookUp,
              Conversion conversion) {
            this.messages = messages;
            this.lookUp = lookUp;
            this.conversion = conversion;
        }

        synchronized long position(TrackedEventMessage<?> message) {
            if (positions == null) {
                positions = lookUp.apply(messages.stream().map(TrackedEventMessage::getIdentifier).toList());
            }
            return positions.getOrDefault(message.getIdentifier(), -1L);
        }
    }

    /** How long the follower waits before it asks again, when the store had nothing new. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final EventStorageEngine engine;
    private final Function<List<String>, Map<String, Long>> positions;
    private final Conversion conversion;
    private final int kept;
    private final Runnable whenRead;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long next;
    /** The token after the last event read; null while none was. */
    private TrackingToken current;
    /** How many subscribers have joined and not left: while none has, nothing is read. */
    private int joined;
    private volatile boolean started;

    /**
     * @param positions  the global positions of events, by their identifiers
     * @param conversion what the stream sends for an event
     * @param kept       how many of the last events are kept for subscribers to join and to be sent
     * @param whenRead   told after each batch read
     */
    EventTail(EventStorageEngine engine, Function<List<String>, Map<String, Long>> positions, Conversion conversion,
              int kept, Runnable whenRead) {
        this.engine = engine;
        this.positions = positions;
        this.conversion = conversion;
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
                if (!standAtTheHead() && !readOn()) {
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
                append(batch);
                whenRead.run();
                read = true;
            }
        }
        return read;
    }

    /**
     * While no subscriber is live, nothing needs the events: the follower only keeps up with the
     * head (and forgets what it kept), so that a subscriber that catches up can join it there. (A
     * transaction still open below the head is covered by the head's token; a subscriber whose own
     * token waits for it joins only once it has it.)
     */
    private synchronized boolean standAtTheHead() throws InterruptedException {
        if (joined > 0) {
            return false;
        }
        TrackingToken head = engine.createHeadToken();
        if (head != null && !head.equals(current)) {
            current = head;
            entries.clear();
        }
        wait(POLL.toMillis());
        return true;
    }

    private synchronized void append(List<TrackedEventMessage<?>> read) {
        Batch batch = new Batch(read, positions, conversion);
        for (TrackedEventMessage<?> message : read) {
            entries.addLast(new Entry(next++, current, message, batch));
            current = message.trackingToken();
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
        OptionalLong at = OptionalLong.empty();
        for (Entry entry : entries) {
            if (covers(token, entry.before())) {
                at = OptionalLong.of(entry.number());
                break;
            }
        }
        if (at.isEmpty() && covers(token, current)) {
            at = OptionalLong.of(next);
        }
        if (at.isPresent()) {
            joined++;
        }
        return at;
    }

    /** A subscriber that joined is gone. */
    synchronized void left() {
        joined--;
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
