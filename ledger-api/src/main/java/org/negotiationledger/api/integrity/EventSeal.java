package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.negotiationledger.core.api.EventTypes;
import org.negotiationledger.core.serialization.CanonicalJson;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the hash of a stored event covers, and the hash itself: SHA-256 over one canonical text of
 * the event, chained to the hash of the event before it in its negotiation. docs/integrity.md
 * specifies both forms of that text, so that anyone can check a chain without the ledger's code.
 *
 * <p>Events sealed since the second form carry {@code "hashForm": "jcs"} in their metadata and are
 * hashed as one JSON object in the JSON Canonicalization Scheme (RFC 8785, numbers exact); older
 * events carry no form and are hashed as the lines of text they were sealed with.
 *
 * @param storedType the payload type as the store keeps it (a class name)
 * @param effectiveOn the date the event takes effect, read from its payload; the first form covers it
 * @param recordedAt the recording time as the store keeps it (ISO 8601, UTC, milliseconds)
 * @param metadata   the event's metadata, without the seal's own keys
 */
record EventSeal(String negotiationId, long sequence, String eventId, String storedType, String revision,
                 LocalDate effectiveOn, String recordedAt, JsonNode metadata, JsonNode payload) {

    /** The metadata keys under which every event carries its seal. */
    static final String HASH = "hash";
    static final String PREVIOUS_HASH = "previousHash";
    /** The metadata key naming how the event was hashed, and the form events are sealed in now. */
    static final String HASH_FORM = "hashForm";
    static final String JCS = "jcs";
    /** The "previous hash" of a negotiation's first event. */
    static final String GENESIS = "0".repeat(64);

    /** The hash in the event's form: the first without a form, else "jcs" (StoredEvent refuses any other). */
    String hash(String previousHash) {
        if (!metadata.has(HASH_FORM)) {
            return Sha256.hex(firstForm(previousHash));
        }
        ObjectNode sealed = JsonNodeFactory.instance.objectNode()
                .put("negotiation", negotiationId)
                .put("sequence", sequence)
                .put("event", eventId)
                .put("type", EventTypes.name(storedType))
                .put("revision", revision)
                .put("recordedAt", recordedAt)
                .put("previous", previousHash);
        sealed.set("metadata", metadata);
        sealed.set("payload", payload);
        return Sha256.hex(CanonicalJson.rfc8785(sealed));
    }

    /** The text events were sealed with before the hash form was recorded. */
    private String firstForm(String previousHash) {
        return "negotiation=" + negotiationId + "\n"
                + "sequence=" + sequence + "\n"
                + "event=" + eventId + "\n"
                + "type=" + storedType + "\n"
                + "revision=" + revision + "\n"
                + "effectiveOn=" + effectiveOn + "\n"
                + "recordedAt=" + Instant.parse(recordedAt) + "\n"
                + "metadata=" + CanonicalJson.ofTree(metadata) + "\n"
                + "payload=" + CanonicalJson.ofTree(payload) + "\n"
                + "previous=" + previousHash + "\n";
    }
}
