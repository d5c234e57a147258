package org.negotiationledger.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscribers of the event stream, each followed by a thread of its own: it reads the event
 * store from the subscriber's cursor (the store's own tracking, which waits for transactions that
 * commit late rather than skip them), sends what matches the subscriber's filters, and a
 * heartbeat with the cursor when nothing came for a while. Events appended on another node arrive
 * as the store is polled. A subscriber that stops reading is cut off when the server's write
 * times out; one that goes away is noticed at its next event or heartbeat. When the ledger stops,
 * every subscriber gets a last frame with its cursor and its answer ends at once, before the web
 * server waits for the requests under way.
 */
@Component
class EventSubscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventSubscriptions.class);
    /** How long stopping waits for the subscribers' last frames to be written. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    /** Events read from the store before their positions are looked up in one query. */
    private static final int BATCH = 100;

    private final EventStore store;
    private final EventPositions positions;
    private final Duration heartbeat;
    private final ThreadPoolExecutor followers;
    private final ObjectMapper json = LedgerSerialization.objectMapper();

    EventSubscriptions(EventStore store, EventPositions positions, MeterRegistry meters,
                       @Value("${ledger.events.heartbeat:PT15S}") Duration heartbeat,
                       @Value("${ledger.events.max-subscribers:32}") int maxSubscribers) {
        this.store = store;
        this.positions = positions;
        this.heartbeat = heartbeat;
        AtomicInteger number = new AtomicInteger();
        this.followers = new ThreadPoolExecutor(maxSubscribers, maxSubscribers, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "event-subscriber-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.followers.allowCoreThreadTimeOut(true);
        Gauge.builder("ledger.events.subscribers", followers, ThreadPoolExecutor::getActiveCount)
                .description("Subscribers the event stream follows now").register(meters);
    }

    /** What one subscriber asked for, and where its events go. */
    record Subscription(TrackingToken after, String negotiationId, Set<String> types, EventSink sink) {

        boolean wants(TrackedEventMessage<?> event) {
            return event instanceof DomainEventMessage<?> domain
                    && (negotiationId == null || negotiationId.equals(domain.getAggregateIdentifier()))
                    && (types.isEmpty() || types.contains(domain.getPayloadType().getSimpleName()));
        }
    }

    /** Where a subscriber's events go: a Server-Sent Events or a JSON Lines answer. */
    interface EventSink {
        void event(StreamedEvent event) throws IOException;

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
        try {
            followers.execute(() -> run(subscription));
        } catch (RejectedExecutionException full) {
            throw new ProblemException(ProblemType.STORAGE_UNAVAILABLE, "the ledger follows as many subscribers "
                    + "as it can (" + followers.getMaximumPoolSize() + "); try again later");
        }
    }

    private void run(Subscription subscription) {
        EventSink sink = subscription.sink();
        String cursor = EventCursor.of(subscription.after());
        boolean caughtUp = false;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(subscription.after())) {
            while (!sink.closed()) {
                if (!caughtUp && !stream.hasNextAvailable()) {
                    sink.caughtUp(cursor);
                    caughtUp = true;
                    continue; // a subscriber that asked for the stored events only has its answer now
                }
                if (!stream.hasNextAvailable((int) heartbeat.toMillis(), TimeUnit.MILLISECONDS)) {
                    sink.heartbeat(cursor);
                    continue;
                }
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                do {
                    batch.add(stream.nextAvailable());
                } while (batch.size() < BATCH && stream.hasNextAvailable());
                Map<String, Long> stored = positions.of(batch.stream().map(TrackedEventMessage::getIdentifier)
                        .toList());
                for (TrackedEventMessage<?> event : batch) {
                    cursor = EventCursor.of(event.trackingToken());
                    if (subscription.wants(event)) {
                        sink.event(streamed(event, cursor, stored.getOrDefault(event.getIdentifier(), -1L)));
                    }
                }
            }
        } catch (IOException | IllegalStateException gone) {
            log.debug("An event subscriber went away or was cut off at {}: {}", cursor, gone.toString());
        } catch (InterruptedException stopping) {
            farewell(sink, cursor);
        } catch (RuntimeException e) {
            log.warn("Following an event subscriber failed at {}", cursor, e);
        } finally {
            sink.close();
        }
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

    private static void farewell(EventSink sink, String cursor) {
        try {
            sink.farewell(cursor);
        } catch (IOException | IllegalStateException gone) {
            log.debug("An event subscriber went away before its last frame: {}", gone.toString());
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends every subscriber's answer with its last frame; waits a moment for them to be written. */
    @Override
    public void stop() {
        running = false;
        followers.shutdownNow();
        try {
            if (!followers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
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
