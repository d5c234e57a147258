package org.negotiationledger.api.commands;

import org.axonframework.messaging.MetaData;
import org.negotiationledger.core.api.EventMetadata;

import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger records about a command besides its content: who recorded it (the authenticated
 * user), the request it came with ({@code X-Request-Id}, or one made up; an import line adds its
 * number) and, for a conditional command, the negotiation version the client expects
 * ({@code If-Match}).
 */
public record CommandMetadata(String recordedBy, String correlationId, Long expectedVersion) {

    static final String EXPECTED_SEQUENCE = "expectedSequence";

    MetaData toMetaData() {
        Map<String, Object> entries = new HashMap<>();
        entries.put(EventMetadata.RECORDED_BY, recordedBy);
        entries.put(EventMetadata.CORRELATION_ID, correlationId);
        if (expectedVersion != null) {
            // A version counts events; Axon's aggregate version is the last sequence number.
            entries.put(EXPECTED_SEQUENCE, expectedVersion - 1);
        }
        return MetaData.from(entries);
    }
}
