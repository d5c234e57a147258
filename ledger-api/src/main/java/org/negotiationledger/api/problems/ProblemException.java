package org.negotiationledger.api.problems;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal the HTTP layer answers as a problem of the given type, with extra properties. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public static ProblemException unknownNegotiation(String negotiationId) {
        return new ProblemException(ProblemType.UNKNOWN_NEGOTIATION, "negotiation '" + negotiationId
                + "' does not exist").with("negotiationId", negotiationId);
    }

    public static ProblemException invalidParameter(String parameter, String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, parameter + " " + detail)
                .with("parameter", parameter);
    }

    public ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    ProblemType type() {
        return type;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
