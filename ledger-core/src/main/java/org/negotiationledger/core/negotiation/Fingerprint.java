package org.negotiationledger.core.negotiation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A compact, stable digest of a record's content, so that the aggregate can tell a repeated
 * command from a conflicting one without keeping the texts themselves. Messages are records
 * with normalised collections, so their {@code toString()} is a canonical form.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static long of(Object content) {
        byte[] digest = sha256(String.valueOf(content));
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
