package org.negotiationledger.api.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ProblemDetail;

/**
 * What became of one line of an import.
 *
 * @param line    its number in the file, from 1
 * @param status  ACCEPTED (recorded), REPEATED (already recorded, nothing changed) or REFUSED
 * @param problem why it was refused, as the HTTP API would have answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(long line, Status status, String negotiationId, Long version, Long position,
                    ProblemDetail problem) {

    public enum Status {
        ACCEPTED,
        REPEATED,
        REFUSED
    }
}
