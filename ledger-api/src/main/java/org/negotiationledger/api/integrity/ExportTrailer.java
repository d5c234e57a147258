package org.negotiationledger.api.integrity;

import java.util.Map;

/**
 * The last line of an export, {@code {"trailer": …}}: what the whole export holds, so that a
 * restore refuses one that was cut short, lost a negotiation or an event, or was changed.
 *
 * @param events       how many events the export holds
 * @param negotiations per negotiation, its events and the hash of its last one
 * @param digest       the SHA-256 (hex) of every line before the trailer, each with its line feed
 */
record ExportTrailer(long events, Map<String, Negotiation> negotiations, String digest) {

    record Negotiation(long events, String headHash) {
    }
}
