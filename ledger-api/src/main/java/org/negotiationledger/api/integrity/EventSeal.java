package org.negotiationledger.api.integrity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the hash of a stored event covers, in one canonical text, and the hash itself: SHA-256
 * over that text, chained to the hash of the event before it in its negotiation.
 *
 * @param metadataJson canonical JSON of the event's metadata, without the seal's own keys
 * @param payloadJson  canonical JSON of the event's content
 */
record EventSeal(String negotiationId, long sequence, String eventId, String type, String revision,
                 LocalDate effectiveOn, Instant recordedAt, String metadataJson, String payloadJson) {

    /** The metadata keys under which every event carries its seal. */
    static final String HASH = "hash";
    static final String PREVIOUS_HASH = "previousHash";
    /** The "previous hash" of a negotiation's first event. */
    static final String GENESIS = "0".repeat(64);

    String hash(String previousHash) {
        String text = "negotiation=" + negotiationId + "\n"
                + "sequence=" + sequence + "\n"
                + "event=" + eventId + "\n"
                + "type=" + type + "\n"
                + "revision=" + revision + "\n"
                + "effectiveOn=" + effectiveOn + "\n"
                + "recordedAt=" + recordedAt + "\n"
                + "metadata=" + metadataJson + "\n"
                + "payload=" + payloadJson + "\n"
                + "previous=" + previousHash + "\n";
        return Sha256.hex(text);
    }
}
