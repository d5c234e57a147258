package org.negotiationledger.projections;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.projections.support.EventPositions;
import org.negotiationledger.projections.support.Rows;
import org.negotiationledger.projections.support.StoredEvents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A history of events as the store would deliver them: each with its negotiation's sequence
 * number, a global position, the time it was recorded and who recorded it.
 */
public final class History {

    private final List<TrackedEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private Instant now = Instant.parse("2025-06-27T09:00:00Z");
    private String recorder = "analyst";

    /** The recording time of the events appended next. */
    public History at(String instant) {
        now = Instant.parse(instant);
        return this;
    }

    public History by(String recordedBy) {
        recorder = recordedBy;
        return this;
    }

    public History append(NegotiationEvent... appended) {
        for (NegotiationEvent event : appended) {
            long sequence = nextSequence.merge(event.negotiationId(), 1L, Long::sum) - 1;
            long position = events.size() + 1;
            MetaData metaData = MetaData.with(EventMetadata.RECORDED_BY, recorder)
                    .and(EventMetadata.CORRELATION_ID, "request-" + position);
            events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                    new GenericDomainEventMessage<>("Negotiation", event.negotiationId(), sequence, event, metaData,
                            UUID.nameUUIDFromBytes(("event-" + position).getBytes()).toString(), now)));
        }
        return this;
    }

    public int size() {
        return events.size();
    }

    /** Delivers every event to the projector's handlers, as its processor would. */
    public void replayInto(Object projector) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projector);
        for (TrackedEventMessage<?> event : events) {
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new AssertionError("the projector failed on " + event.getPayloadType().getSimpleName(), e);
            }
        }
    }

    /**
     * Delivers the events in the order given by their positions (1 for the first appended), as a
     * processor sees them when they commit in that order: an event that commits after a later one
     * fills a gap, and its token then carries the highest position seen, not its own.
     */
    public void deliverInCommitOrder(Object projector, long... positions) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projector);
        long index = 0;
        SortedSet<Long> gaps = new TreeSet<>();
        for (long position : positions) {
            if (position > index) {
                for (long skipped = index + 1; skipped < position; skipped++) {
                    gaps.add(skipped);
                }
                index = position;
            } else {
                gaps.remove(position);
            }
            TrackedEventMessage<?> stored = events.get((int) position - 1);
            TrackedEventMessage<?> delivered = new GenericTrackedDomainEventMessage<>(
                    GapAwareTrackingToken.newInstance(index, gaps), (GenericDomainEventMessage<?>) domain(stored));
            try {
                handlers.handle(delivered);
            } catch (Exception e) {
                throw new AssertionError("the projector failed on the event at " + position, e);
            }
        }
    }

    /** The events at these positions, as the store would give them. */
    public StoredEvents stored() {
        return positions -> {
            Map<Long, StoredEvents.StoredEvent> found = new HashMap<>();
            for (long position : positions) {
                if (position >= 1 && position <= events.size()) {
                    TrackedEventMessage<?> event = events.get((int) position - 1);
                    Revision revision = event.getPayloadType().getAnnotation(Revision.class);
                    found.put(position, new StoredEvents.StoredEvent(event.getIdentifier(),
                            revision == null ? null : revision.value(),
                            Objects.toString(event.getMetaData().get(EventMetadata.RECORDED_BY), null),
                            Objects.toString(event.getMetaData().get(EventMetadata.CORRELATION_ID), null),
                            Rows.json(event.getPayload())));
                }
            }
            return found;
        };
    }

    /** Where the store holds each event, as a view would look it up. */
    public EventPositions positions() {
        return eventIds -> {
            Map<String, Long> found = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                if (eventIds.contains(events.get(i).getIdentifier())) {
                    found.put(events.get(i).getIdentifier(), (long) i + 1);
                }
            }
            return found;
        };
    }

    private static GenericDomainEventMessage<?> domain(TrackedEventMessage<?> event) {
        GenericTrackedDomainEventMessage<?> tracked = (GenericTrackedDomainEventMessage<?>) event;
        return new GenericDomainEventMessage<>(tracked.getType(), tracked.getAggregateIdentifier(),
                tracked.getSequenceNumber(), tracked.getPayload(), tracked.getMetaData(), tracked.getIdentifier(),
                tracked.getTimestamp());
    }

    /** Calls the projector's reset handler, as a replay does. */
    public static void reset(Object projector) {
        new AnnotationEventHandlerAdapter(projector).prepareReset();
    }
}
