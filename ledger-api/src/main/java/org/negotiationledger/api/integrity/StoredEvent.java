package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.negotiationledger.api.storage.EventRows;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.core.serialization.CanonicalJson;
import org.negotiationledger.core.serialization.EventUpcasters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

/**
 * One stored event, read back byte for byte, with the seal it carries and the seal its content
 * calls for.
 */
record StoredEvent(long position, String negotiationId, long sequence, String eventId, String payloadType,
                   String payloadRevision, byte[] payload, byte[] metadata, String timestamp) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(EventUpcasters.all());

    static StoredEvent of(EventRows.Row row) {
        return new StoredEvent(row.position(), row.negotiationId(), row.sequence(), row.eventId(), row.payloadType(),
                row.payloadRevision(), row.payload(), row.metadata(), row.timestamp());
    }

    /** The hash in a stored event's metadata, or null when it has none. */
    static String hashIn(byte[] metadata) {
        return field(metadata, EventSeal.HASH);
    }

    String storedHash() {
        return field(metadata, EventSeal.HASH);
    }

    String storedPreviousHash() {
        return field(metadata, EventSeal.PREVIOUS_HASH);
    }

    /**
     * The seal of this event's content as it is stored now, at the given sequence number.
     *
     * @throws IOException when the content is no longer JSON or no longer an event
     */
    EventSeal seal(long atSequence, Serializer serializer) throws IOException {
        JsonNode tree = metadata == null ? JSON.createObjectNode() : CanonicalJson.tree(metadata);
        if (!(tree instanceof ObjectNode metadataFields)) {
            throw new IOException("the metadata is not a JSON object");
        }
        metadataFields.remove(EventSeal.HASH);
        metadataFields.remove(EventSeal.PREVIOUS_HASH);
        JsonNode content = CanonicalJson.tree(payload);
        JsonNode form = metadataFields.get(EventSeal.HASH_FORM);
        LocalDate effectiveOn = null;
        if (form == null) {
            // The first form covers the date the event takes effect, which only the event itself can tell.
            effectiveOn = effectiveOn(serializer);
            try {
                Instant.parse(timestamp);
            } catch (DateTimeParseException notATime) {
                throw new IOException("the recording time '" + timestamp + "' is no time");
            }
        } else if (!EventSeal.JCS.equals(form.asText())) {
            throw new IOException("the event names the hash form " + form + ", which the ledger does not know");
        }
        return new EventSeal(negotiationId, atSequence, eventId, payloadType, payloadRevision, effectiveOn, timestamp,
                metadataFields, content);
    }

    /**
     * The date the event takes effect, read as the event store reads it (through the upcasters).
     *
     * @throws IOException when the content is no longer an event
     */
    LocalDate effectiveOn(Serializer serializer) throws IOException {
        try {
            Object event = serializer.deserialize(upcast(serializer));
            if (!(event instanceof NegotiationEvent negotiationEvent)) {
                throw new IOException("the payload is not a negotiation event");
            }
            return negotiationEvent.effectiveDate();
        } catch (RuntimeException unreadable) {
            throw new IOException("the content cannot be read as an event: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The payload as the current revision of its event, read through the upcasters as the event store reads it. */
    private SerializedObject<?> upcast(Serializer serializer) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Negotiation", negotiationId, sequence,
                eventId, timestamp, payloadType, payloadRevision, payload, metadata);
        List<IntermediateEventRepresentation> read = UPCASTERS
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        if (read.size() != 1) {
            throw new IllegalStateException("an upcaster made " + read.size() + " events of one");
        }
        return read.get(0).getData();
    }

    private static String field(byte[] metadata, String name) {
        if (metadata == null) {
            return null;
        }
        try {
            JsonNode value = JSON.readTree(new String(metadata, StandardCharsets.UTF_8)).get(name);
            return value == null || !value.isTextual() ? null : value.textValue();
        } catch (IOException notJson) {
            return null;
        }
    }
}
