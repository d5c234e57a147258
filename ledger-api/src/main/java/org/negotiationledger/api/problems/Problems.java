package org.negotiationledger.api.problems;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.Values;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

import java.time.Instant;
import java.time.LocalDate;
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

    /** Seconds a client is asked to wait before trying again when the database does not answer. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    public static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    /**
     * A refusal of the web framework itself (no such path, a method, a format or a body type the
     * path does not take) as one of the ledger's problems, in the user's words.
     */
    static ProblemDetail ofFramework(Exception e, HttpStatusCode status, HttpServletRequest request) {
        String path = request == null ? "this path" : request.getRequestURI();
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return problem(ProblemType.METHOD_NOT_ALLOWED, method.getMethod() + " is not taken at " + path
                    + (method.getSupportedHttpMethods() == null ? ""
                    : "; it takes " + method.getSupportedHttpMethods().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "))));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return problem(ProblemType.NOT_ACCEPTABLE, path + " answers in application/json (the views that are "
                    + "tables also in text/csv; problems in application/problem+json); the request's Accept header "
                    + "asks for something else");
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "a body of type " + (unsupported.getContentType() == null
                    ? "(none)" : "'" + unsupported.getContentType() + "'") + " is not read at " + path + "; send "
                    + (path.startsWith("/api/import") ? "application/x-ndjson" : "application/json"));
        }
        if (status.value() == 404) {
            return problem(ProblemType.NOT_FOUND, "there is nothing at " + path);
        }
        return status.is5xxServerError() ? problem(ProblemType.INTERNAL_ERROR, "the ledger failed to answer")
                : problem(ProblemType.REJECTED_REQUEST, "the ledger refuses this request (" + status.value() + ")");
    }

    /** The problem a refused command, a malformed body or an unexpected failure amounts to. */
    public static ProblemDetail of(Throwable e) {
        if (e instanceof ProblemException refused) {
            ProblemDetail problem = problem(refused.type(), refused.getMessage());
            refused.properties().forEach(problem::setProperty);
            return problem;
        }
        if (e instanceof InvalidValueException invalid) {
            return invalidFields(List.of(Map.of("field", invalid.field(), "message", invalid.reason())));
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
        ProblemDetail storage = storageUnavailable(e, true);
        if (storage != null) {
            return storage;
        }
        if (e instanceof JsonProcessingException json) {
            ProblemDetail problem = problem(ProblemType.MALFORMED_REQUEST, notReadableDetail(json));
            if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                problem.setProperty("field", path(mapping));
            }
            return problem;
        }
        return problem(ProblemType.INTERNAL_ERROR, "the ledger could not answer this request; if it was a command, "
                + "look for it in the audit or resend it with the same id");
    }

    /**
     * The problem a failure of the database amounts to, or null when it is none. When no
     * connection could be had, nothing was written; any other failure of the database during a
     * command leaves unknown whether its transaction committed.
     */
    public static ProblemDetail storageUnavailable(Throwable e, boolean command) {
        if (!StorageFailures.isStorageFailure(e)) {
            return null;
        }
        boolean noConnection = StorageFailures.isNoConnection(e);
        String detail = !command ? "the database is not answering; try again in a few seconds"
                : noConnection ? "the database cannot be reached; nothing was recorded; try again in a few seconds"
                : "the database stopped answering while the command was being recorded, so the outcome is unknown: "
                + "resend it with the same id in a few seconds (a repeat is recognised and recorded once)";
        ProblemDetail problem = problem(ProblemType.STORAGE_UNAVAILABLE, detail);
        if (command) {
            problem.setProperty("outcome", noConnection ? "not-recorded" : "unknown");
        }
        problem.setProperty("retryAfter", RETRY_AFTER_SECONDS);
        return problem;
    }

    /** Bean Validation's findings, each field with its message. */
    public static ProblemDetail invalidFields(Set<? extends ConstraintViolation<?>> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(violation -> Map.of("field", fieldOf(violation), "message", violation.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field")))
                .toList();
        return invalidFields(errors);
    }

    /** A violation's field as a client names it: {@code partyIds[0]}, not {@code partyIds[0].<list element>}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("\\.?<[^>]+>", "");
    }

    static ProblemDetail invalidFields(List<Map<String, String>> errors) {
        String detail = errors.stream().map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(ProblemType.INVALID_FIELDS, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    static String notReadableDetail(Throwable cause) {
        if (cause instanceof RefusedValueException refused) {
            return "field '" + path(refused) + "' " + refused.getOriginalMessage();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + path(unknown) + "'; known fields are " + unknown.getKnownPropertyIds();
        }
        if (cause instanceof InvalidFormatException format) {
            return "field '" + path(format) + "' has the value " + quoted(format.getValue()) + ", but must be "
                    + expected(format.getTargetType());
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return "the body has more after its JSON value; send one JSON object";
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                && mismatch.getTargetType() != null && !expected(mismatch.getTargetType()).equals("of another form")) {
            return "field '" + path(mismatch) + "' must be " + expected(mismatch.getTargetType());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "' is not of the expected type";
        }
        if (cause instanceof JsonMappingException) {
            return "the body must be a JSON object";
        }
        if (cause instanceof StreamConstraintsException) {
            return "the body has a number, text or nesting beyond what the ledger reads";
        }
        if (cause instanceof InputCoercionException) {
            return "a number is too large for its field (whole numbers go up to " + Integer.MAX_VALUE + ")";
        }
        if (cause instanceof JsonProcessingException parse) {
            String message = String.valueOf(parse.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                return "the body gives a field twice: " + withoutCode(message);
            }
            JsonLocation at = parse.getLocation();
            return "the body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")") + ": " + withoutCode(message);
        }
        return "the request body is missing or cannot be read";
    }

    static String expected(Class<?> target) {
        if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        if (target == LocalDate.class) {
            return Values.DATE_MESSAGE.substring("must be ".length());
        }
        if (target == Instant.class) {
            return Values.INSTANT_MESSAGE.substring("must be ".length());
        }
        if (target == String.class) {
            return "a text in quotes";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list in [ ]";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "an object in { }";
        }
        return "of another form";
    }

    /** A parser's message without the names of classes, settings or code it may quote in backticks. */
    private static String withoutCode(String message) {
        return message.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
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

    /** A value as a refusal shows it: control characters escaped, at most 100 characters. */
    static String quoted(Object value) {
        String text = String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> {
            boolean unprintable = Character.isISOControl(c) || c <= 0xFFFF && Character.isSurrogate((char) c);
            shown.append(unprintable ? String.format("\\u%04X", c) : Character.toString(c));
        });
        if (text.codePointCount(0, text.length()) > 100) {
            shown.append("…");
        }
        return value instanceof String ? "'" + shown + "'" : shown.toString();
    }
}
