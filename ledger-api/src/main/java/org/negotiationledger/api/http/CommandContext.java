package org.negotiationledger.api.http;

import org.negotiationledger.api.commands.CommandMetadata;

/**
 * What a command request says besides its body: who records it (the authenticated user), the
 * request id ({@code X-Request-Id}, or one made up) and the version the client expects the
 * negotiation to be at ({@code If-Match}).
 */
public record CommandContext(String recordedBy, String correlationId, Long expectedVersion) {

    CommandMetadata metadata() {
        return new CommandMetadata(recordedBy, correlationId, expectedVersion);
    }
}
