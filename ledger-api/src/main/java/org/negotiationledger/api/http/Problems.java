package org.negotiationledger.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.RuleViolationException;
import org.springframework.http.ProblemDetail;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each refusal is as an RFC 9457 problem: one place for the HTTP endpoints and the importer,
 * so that a line refused in an import reads like the same command refused over HTTP.
 */
public final class Problems {

    private Problems() {
    }

    static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    /** The problem a refused command, a malformed body or an unexpected failure amounts to. */
    public static ProblemDetail of(Throwable e) {
        if (e instanceof ProblemException refused) {
            ProblemDetail problem = problem(refused.type(), refused.getMessage());
            refused.properties().forEach(problem::setProperty);
            return problem;
        }
        if (e instanceof RuleViolationException rule) {
            ProblemDetail problem = problem(ProblemType.RULE_VIOLATION, rule.getMessage());
            problem.setProperty("rule", rule.code());
            return problem;
        }
        if (e instanceof IdConflictException conflict) {
            ProblemDetail problem = problem(ProblemType.ID_CONFLICT, conflict.getMessage());
            problem.setProperty("rule", conflict.code());
            return problem;
        }
        if (e instanceof AggregateNotFoundException missing) {
            ProblemDetail problem = problem(ProblemType.UNKNOWN_NEGOTIATION,
                    "negotiation '" + missing.getAggregateIdentifier() + "' does not exist");
            problem.setProperty("negotiationId", missing.getAggregateIdentifier());
            return problem;
        }
        if (e instanceof ConflictingAggregateVersionException version) {
            // Axon counts from sequence 0; the ledger's versions count events.
            long expected = version.getExpectedVersion() + 1;
            long actual = version.getActualVersion() + 1;
            ProblemDetail problem = problem(ProblemType.VERSION_CONFLICT, "negotiation '"
                    + version.getAggregateIdentifier() + "' is at version " + actual + ", not at the expected version "
                    + expected);
            problem.setProperty("expectedVersion", expected);
            problem.setProperty("actualVersion", actual);
            return problem;
        }
        if (e instanceof ConcurrencyException) {
            return problem(ProblemType.CONCURRENT_APPEND, "other commands kept changing the negotiation while this "
                    + "one was tried; nothing was recorded");
        }
        if (e instanceof JsonProcessingException json) {
            ProblemDetail problem = problem(ProblemType.MALFORMED_REQUEST, notReadableDetail(json));
            if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                problem.setProperty("field", path(mapping));
            }
            return problem;
        }
        return problem(ProblemType.INTERNAL_ERROR, "the ledger could not answer this request; nothing was recorded");
    }

    /** Bean Validation's findings, each field with its message. */
    static ProblemDetail invalidFields(Set<? extends ConstraintViolation<?>> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(violation -> Map.of("field", violation.getPropertyPath().toString(),
                        "message", violation.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
                .toList();
        return invalidFields(errors);
    }

    static ProblemDetail invalidFields(List<Map<String, String>> errors) {
        String detail = errors.stream().map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(ProblemType.INVALID_FIELDS, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    static String notReadableDetail(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + path(unknown) + "'; known fields are " + unknown.getKnownPropertyIds();
        }
        if (cause instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            String expected = target.isEnum()
                    ? "one of " + Arrays.toString(target.getEnumConstants())
                    : "a " + target.getSimpleName();
            return "field '" + path(format) + "' has the value " + quoted(format.getValue()) + ", but must be "
                    + expected;
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "' is not of the expected type";
        }
        if (cause instanceof JsonProcessingException parse) {
            return "the body is not valid JSON: " + parse.getOriginalMessage();
        }
        return "the request body is missing or cannot be read";
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
