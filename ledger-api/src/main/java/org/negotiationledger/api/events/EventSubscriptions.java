package org.negotiationledger.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.storage.DirectEventSource;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.core.serialization.LedgerSerialization;
import org.negotiationledger.projections.support.EventPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscribers of the event stream. A subscriber first catches up on a thread of its own: it
 * reads the event store from its cursor (the store's own tracking, which waits for transactions
 * that commit late rather than skip them) and sends what matches its filters. Once it has caught
 * up it joins the node's one follower of the store's head ({@link EventTail}) and gives its
 * thread back: from then on each new event is read once for every live subscriber, written as JSON
 * once, and sent to each by a small pool of senders, so that hundreds of open pages cost one
 * reader of the store and no thread each. A live subscriber that falls further behind than the
 * follower keeps is sent a last frame with its cursor, to resume from.
 *
 * <p>A heartbeat with the cursor goes to a subscriber that was sent nothing for a while. A
 * subscriber that stops reading is cut off when the server's write times out; one that goes away
 * is noticed at its next event or heartbeat. When the ledger stops, every subscriber gets a last
 * frame with its cursor and its answer ends at once, before the web server waits for the requests
 * under way.
 */
@Component
class EventSubscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventSubscriptions.class);
    /** How long stopping waits for the subscribers' last frames to be written. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    /** Events read from the store before their positions are looked up in one query. */
    static final int BATCH = 100;
    /** The threads that write to live subscribers; a stalled one holds a sender until its write times out. */
    private static final int SENDERS = 4;

    private final DirectEventSource store;
    private final EventPositions positions;
    private final Duration heartbeat;
    private final int maxLive;
    private final ThreadPoolExecutor catchingUp;
    private final ExecutorService senders;
    private final ScheduledExecutorService beats;
    private final EventTail tail;
    private final Set<Live> live = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = LedgerSerialization.objectMapper();

    EventSubscriptions(DirectEventSource store, EventStorageEngine engine, EventPositions positions, MeterRegistry meters,
                       @Value("${ledger.events.heartbeat:PT15S}") Duration heartbeat,
                       @Value("${ledger.events.max-subscribers:32}") int maxCatchingUp,
                       @Value("${ledger.events.max-live-subscribers:5000}") int maxLive,
                       @Value("${ledger.events.tail-size:2000}") int tailSize) {
        this.store = store;
        this.positions = positions;
        this.heartbeat = heartbeat;
        this.maxLive = maxLive;
        this.catchingUp = new ThreadPoolExecutor(maxCatchingUp, maxCatchingUp, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemons("event-subscriber-"));
        this.catchingUp.allowCoreThreadTimeOut(true);
        this.senders = Executors.newFixedThreadPool(SENDERS, daemons("event-sender-"));
        this.beats = Executors.newSingleThreadScheduledExecutor(daemons("event-heartbeat-"));
        this.tail = new EventTail(engine, positions::of, this::outgoing, tailSize, this::wakeAll);
        Gauge.builder("ledger.events.subscribers", this, EventSubscriptions::following)
                .description("Subscribers the event stream follows now, catching up or live").register(meters);
        Gauge.builder("ledger.events.subscribers.live", live, Set::size)
                .description("Subscribers that have caught up and are sent each new event by the node's one "
                        + "follower of the store").register(meters);
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private double following() {
        return catchingUp.getActiveCount() + live.size();
    }

    /** What one subscriber asked for, and where its events go. */
    record Subscription(TrackingToken after, String negotiationId, Set<String> types, EventSink sink,
                        boolean untilCaughtUp) {

        boolean wants(TrackedEventMessage<?> event) {
            return event instanceof DomainEventMessage<?> domain
                    && (negotiationId == null || negotiationId.equals(domain.getAggregateIdentifier()))
                    && (types.isEmpty() || types.contains(domain.getPayloadType().getSimpleName()));
        }
    }

    /** Where a subscriber's events go: a Server-Sent Events or a JSON Lines answer. */
    interface EventSink {
        /** One event, with its JSON as the stream writes it. */
        void event(StreamedEvent event, String json) throws IOException;

        void heartbeat(String cursor) throws IOException;

        /** Once, when the subscriber has been sent everything stored so far: from here on it is live. */
        void caughtUp(String cursor) throws IOException;

        /** The last frame, when the ledger stops: where to resume on another node or after the restart. */
        void farewell(String cursor) throws IOException;

        boolean closed();

        void close();
    }

    /** Starts following; refuses with 503 when every place for a subscriber is taken. */
    void follow(Subscription subscription) {
        if (live.size() >= maxLive) {
            throw full(maxLive + " live");
        }
        try {
            catchingUp.execute(() -> catchUp(subscription));
        } catch (RejectedExecutionException busy) {
            throw full(catchingUp.getMaximumPoolSize() + " catching up at once");
        }
    }

    private static ProblemException full(String limit) {
        return new ProblemException(ProblemType.STORAGE_UNAVAILABLE, "the ledger follows as many subscribers "
                + "as it can (" + limit + "); try again later");
    }

    /** Reads the store for the subscriber until it has caught up and joined the follower of the head. */
    private void catchUp(Subscription subscription) {
        EventSink sink = subscription.sink();
        TrackingToken cursor = subscription.after();
        boolean caughtUp = false;
        long quiet = System.nanoTime();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(subscription.after())) {
            while (!sink.closed()) {
                if (!stream.hasNextAvailable()) {
                    if (!caughtUp) {
                        sink.caughtUp(EventCursor.of(cursor));
                        caughtUp = true;
                        if (subscription.untilCaughtUp()) {
                            break; // a subscriber that asked for the stored events only has its answer now
                        }
                    }
                    if (join(subscription, cursor)) {
                        return;
                    }
                    if (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        if (System.nanoTime() - quiet > heartbeat.toNanos()) {
                            sink.heartbeat(EventCursor.of(cursor));
                            quiet = System.nanoTime();
                        }
                        continue;
                    }
                }
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                do {
                    batch.add(stream.nextAvailable());
                } while (batch.size() < BATCH && stream.hasNextAvailable());
                List<TrackedEventMessage<?>> wanted = batch.stream().filter(subscription::wants).toList();
                Map<String, Long> stored = wanted.isEmpty() ? Map.of()
                        : positions.of(wanted.stream().map(TrackedEventMessage::getIdentifier).toList());
                for (TrackedEventMessage<?> message : batch) {
                    cursor = message.trackingToken();
                    if (subscription.wants(message)) {
                        Outgoing each = outgoing(message, stored.getOrDefault(message.getIdentifier(), -1L));
                        sink.event(each.event(), each.json());
                        quiet = System.nanoTime();
                    }
                }
            }
        } catch (IOException | IllegalStateException gone) {
            log.debug("An event subscriber went away or was cut off at {}: {}", cursor, gone.toString());
        } catch (InterruptedException stopping) {
            farewell(sink, EventCursor.of(cursor));
        } catch (RuntimeException e) {
            log.warn("Following an event subscriber failed at {}", cursor, e);
        }
        sink.close();
    }

    /** Hands a subscriber that has caught up to the follower of the head, when it can join; answers whether it did. */
    private boolean join(Subscription subscription, TrackingToken cursor) {
        var at = tail.joinAt(cursor);
        if (at.isEmpty()) {
            return false;
        }
        Live joined = new Live(subscription, cursor, at.getAsLong());
        live.add(joined);
        wake(joined);
        return true;
    }

    /** A subscriber that has caught up: where it stands and the next of the follower's events to send it. */
    private static final class Live {
        final Subscription subscription;
        final AtomicBoolean sending = new AtomicBoolean();
        volatile TrackingToken cursor;
        volatile long next;
        volatile long lastSent = System.nanoTime();

        Live(Subscription subscription, TrackingToken cursor, long next) {
            this.subscription = subscription;
            this.cursor = cursor;
            this.next = next;
        }
    }

    private void wakeAll() {
        live.forEach(this::wake);
    }

    /** Has a sender send the subscriber what it has not had yet, unless one is already at it. */
    private void wake(Live subscriber) {
        if (subscriber.sending.compareAndSet(false, true)) {
            try {
                senders.execute(() -> send(subscriber));
            } catch (RejectedExecutionException stopping) {
                subscriber.sending.set(false);
            }
        }
    }

    private void send(Live subscriber) {
        EventSink sink = subscriber.subscription.sink();
        try {
            while (!sink.closed()) {
                List<EventTail.Entry> entries = tail.from(subscriber.next);
                if (entries == null) {
                    // Further behind than the follower keeps: it resumes from its cursor, catching up again.
                    sink.farewell(EventCursor.of(subscriber.cursor));
                    end(subscriber);
                    return;
                }
                if (entries.isEmpty()) {
                    break;
                }
                for (EventTail.Entry entry : entries) {
                    TrackingToken token = entry.message().trackingToken();
                    if (!EventTail.covers(subscriber.cursor, token)) {
                        TrackingToken after = EventTail.after(subscriber.cursor, token);
                        subscriber.cursor = after;
                        if (subscriber.subscription.wants(entry.message())) {
                            send(sink, entry.outgoing(), after);
                            subscriber.lastSent = System.nanoTime();
                        }
                    }
                    subscriber.next = entry.number() + 1;
                }
            }
            if (sink.closed()) {
                end(subscriber);
                return;
            }
        } catch (IOException | IllegalStateException gone) {
            log.debug("A live event subscriber went away or was cut off: {}", gone.toString());
            end(subscriber);
            return;
        } finally {
            subscriber.sending.set(false);
        }
        if (subscriber.next < tail.next()) {
            wake(subscriber); // events came while it was being sent to
        }
    }

    /** Sends an event; with a cursor of its own where the subscriber's differs from the event's. */
    private void send(EventSink sink, Outgoing each, TrackingToken cursor) throws IOException {
        if (cursor.equals(each.message().trackingToken())) {
            sink.event(each.event(), each.json());
        } else {
            StreamedEvent own = each.event().at(EventCursor.of(cursor));
            sink.event(own, text(own));
        }
    }

    private void end(Live subscriber) {
        if (live.remove(subscriber)) {
            tail.left();
        }
        subscriber.subscription.sink().close();
    }

    /** A heartbeat to each live subscriber that was sent nothing for a while; the closed ones go. */
    private void beat() {
        long due = System.nanoTime() - heartbeat.toNanos();
        for (Live subscriber : live) {
            if (subscriber.subscription.sink().closed()) {
                end(subscriber);
            } else if (subscriber.lastSent < due && subscriber.sending.compareAndSet(false, true)) {
                senders.execute(() -> {
                    try {
                        subscriber.subscription.sink().heartbeat(EventCursor.of(subscriber.cursor));
                        subscriber.lastSent = System.nanoTime();
                    } catch (IOException | IllegalStateException gone) {
                        end(subscriber);
                    } finally {
                        subscriber.sending.set(false);
                    }
                });
            }
        }
    }

    /** What the stream sends for an event stored at the position: the event, with the cursor after it, and its JSON. */
    private Outgoing outgoing(TrackedEventMessage<?> message, long position) {
        StreamedEvent event = streamed(message, EventCursor.of(message.trackingToken()), position);
        return new Outgoing(message, event, text(event));
    }

    private StreamedEvent streamed(TrackedEventMessage<?> message, String cursor, long position) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        Object payload = event.getPayload();
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        Object recordedBy = event.getMetaData().get(EventMetadata.RECORDED_BY);
        return new StreamedEvent(cursor, position, event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getIdentifier(), payload.getClass().getSimpleName(), revision == null ? null : revision.value(),
                payload instanceof NegotiationEvent negotiationEvent ? negotiationEvent.effectiveDate() : null,
                event.getTimestamp(), recordedBy == null ? null : recordedBy.toString(), json.valueToTree(payload));
    }

    private String text(StreamedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an event could not be written as JSON", e);
        }
    }

    private static void farewell(EventSink sink, String cursor) {
        try {
            sink.farewell(cursor);
        } catch (IOException | IllegalStateException gone) {
            log.debug("An event subscriber went away before its last frame: {}", gone.toString());
        }
    }

    private volatile boolean running;
    private Thread follower;

    @Override
    public void start() {
        follower = new Thread(tail, "event-tail");
        follower.setDaemon(true);
        follower.start();
        beats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis() / 2, heartbeat.toMillis() / 2,
                TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Ends every subscriber's answer with its last frame; waits a moment for them to be written. */
    @Override
    public void stop() {
        running = false;
        follower.interrupt();
        beats.shutdownNow();
        catchingUp.shutdownNow();
        senders.shutdown();
        for (Live subscriber : live) {
            farewell(subscriber.subscription.sink(), EventCursor.of(subscriber.cursor));
            end(subscriber);
        }
        try {
            if (!catchingUp.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Some event subscribers were still being ended after {}", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown, which would otherwise wait for the open streams. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
