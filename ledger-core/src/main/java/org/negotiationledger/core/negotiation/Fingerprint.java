package org.negotiationledger.core.negotiation;

import org.negotiationledger.core.serialization.CanonicalJson;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A compact, stable digest of a record's content, so that the aggregate can tell a repeated
 * command from a conflicting one without keeping the texts themselves. It digests the canonical
 * JSON of the content without its empty fields ({@link CanonicalJson#ofContent}), so that a field
 * added in a later revision of an event, left empty, keeps the prints of what was recorded before.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static long of(Object content) {
        byte[] digest = sha256(CanonicalJson.ofContent(content));
        return ByteBuffer.wrap(digest).getLong();
    }

    static String hex(Object content) {
        return Long.toHexString(of(content));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
