package org.negotiationledger.api.integrity;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.negotiationledger.api.storage.EventRows;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.core.serialization.CanonicalJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Seals every event as it is appended: stamps it with the time its command arrived (to the
 * millisecond, as the store keeps it) and puts in its metadata the hash of its content chained to
 * the hash of the event before it in the same negotiation.
 */
@Component
class EventSealer {

    private static final String CHAIN = EventSealer.class.getName() + ".chain";
    private static final int REMEMBERED_NEGOTIATIONS = 10_000;

    private final Serializer serializer;
    private final EventRows rows;
    /** The last committed link of each recently used negotiation, so that most appends read nothing. */
    private final Map<String, Link> committed = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                    return size() > REMEMBERED_NEGOTIATIONS;
                }
            });

    EventSealer(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer, EventRows rows) {
        this.serializer = serializer;
        this.rows = rows;
        eventStore.registerDispatchInterceptor(this::sealAll);
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> sealAll(
            List<? extends EventMessage<?>> events) {
        Map<String, Link> chain = new HashMap<>();
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
            chain = unitOfWork.getOrComputeResource(CHAIN, key -> {
                Map<String, Link> links = new HashMap<>();
                unitOfWork.afterCommit(done -> committed.putAll(links));
                return links;
            });
        }
        Map<String, Link> links = chain;
        return (index, event) -> event instanceof DomainEventMessage<?> domainEvent
                && domainEvent.getPayload() instanceof NegotiationEvent ? seal(domainEvent, links) : event;
    }

    private EventMessage<?> seal(DomainEventMessage<?> event, Map<String, Link> chain) {
        Object recordedAt = event.getMetaData().get(EventMetadata.RECORDED_AT);
        Instant stamp = (recordedAt != null ? Instant.parse(recordedAt.toString()) : event.getTimestamp())
                .truncatedTo(ChronoUnit.MILLIS);
        String negotiationId = event.getAggregateIdentifier();
        String previous = previousHash(chain, negotiationId, event.getSequenceNumber());
        // Sealed in the form docs/integrity.md specifies, which the metadata names (and the hash covers).
        MetaData content = event.getMetaData().withoutKeys(Set.of(EventSeal.HASH, EventSeal.PREVIOUS_HASH,
                EventMetadata.RECORDED_AT)).and(EventSeal.HASH_FORM, EventSeal.JCS);
        SerializedType type = serializer.typeForClass(event.getPayloadType());
        EventSeal seal;
        try {
            seal = new EventSeal(negotiationId, event.getSequenceNumber(), event.getIdentifier(), type.getName(),
                    type.getRevision(), null, DateTimeUtils.formatInstant(stamp),
                    CanonicalJson.tree(serializer.serialize(content, byte[].class).getData()),
                    CanonicalJson.tree(serializer.serialize(event.getPayload(), byte[].class).getData()));
        } catch (IOException e) {
            throw new UncheckedIOException("the ledger's own serializer wrote something that is not JSON", e);
        }
        String hash = seal.hash(previous);
        chain.put(negotiationId, new Link(event.getSequenceNumber(), hash));
        return new GenericDomainEventMessage<>(event.getType(), negotiationId, event.getSequenceNumber(),
                event.getPayload(), content.and(EventSeal.HASH, hash).and(EventSeal.PREVIOUS_HASH, previous),
                event.getIdentifier(), stamp);
    }

    private String previousHash(Map<String, Link> chain, String negotiationId, long sequence) {
        if (sequence == 0) {
            return EventSeal.GENESIS;
        }
        for (Link link : new Link[]{chain.get(negotiationId), committed.get(negotiationId)}) {
            if (link != null && link.sequence() == sequence - 1) {
                return link.hash();
            }
        }
        byte[] metadata = rows.metadataAt(negotiationId, sequence - 1);
        String hash = metadata == null ? null : StoredEvent.hashIn(metadata);
        // An event stored before the ledger sealed its events starts the chain afresh.
        return hash == null ? EventSeal.GENESIS : hash;
    }

    private record Link(long sequence, String hash) {
    }
}
