package org.negotiationledger.api.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every refusal into an RFC 9457 problem: a stable type per kind, the offending field,
 * header or rule named, never a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail ruleViolated(RuleViolationException e) {
        ProblemDetail problem = problem(ProblemType.RULE_VIOLATION, e.getMessage());
        problem.setProperty("rule", e.code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail idConflict(IdConflictException e) {
        ProblemDetail problem = problem(ProblemType.ID_CONFLICT, e.getMessage());
        problem.setProperty("rule", e.code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownNegotiation(AggregateNotFoundException e) {
        ProblemDetail problem = problem(ProblemType.UNKNOWN_NEGOTIATION,
                "negotiation '" + e.getAggregateIdentifier() + "' does not exist");
        problem.setProperty("negotiationId", e.getAggregateIdentifier());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail versionConflict(ConflictingAggregateVersionException e) {
        // Axon counts from sequence 0; the ledger's versions count events.
        long expected = e.getExpectedVersion() + 1;
        long actual = e.getActualVersion() + 1;
        ProblemDetail problem = problem(ProblemType.VERSION_CONFLICT, "negotiation '" + e.getAggregateIdentifier()
                + "' is at version " + actual + ", not at the expected version " + expected);
        problem.setProperty("expectedVersion", expected);
        problem.setProperty("actualVersion", actual);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail concurrentAppend(ConcurrencyException e) {
        return problem(ProblemType.CONCURRENT_APPEND, "other commands kept changing the negotiation while this one "
                + "was tried; nothing was recorded");
    }

    @ExceptionHandler
    ProblemDetail badHeader(CommandContextResolver.BadHeaderException e) {
        ProblemDetail problem = problem(ProblemType.INVALID_HEADER, e.header() + " " + e.getMessage());
        problem.setProperty("header", e.header());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refused(ProblemException e) {
        ProblemDetail problem = problem(e.type(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        return problem(ProblemType.INTERNAL_ERROR, "the ledger could not answer this request; nothing was recorded");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(ProblemType.INVALID_FIELDS, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(e.getPropertyName());
        Class<?> target = e.getRequiredType();
        String expected = target == null ? "of another form"
                : target.isEnum() ? "one of " + Arrays.toString(target.getEnumConstants())
                : target == LocalDate.class ? "a date like 2025-05-20"
                : target == Instant.class ? "a UTC time like 2025-06-10T12:00:00Z"
                : "a " + target.getSimpleName();
        ProblemDetail problem = problem(ProblemType.INVALID_PARAMETER, name + " has the value "
                + quoted(e.getValue()) + ", but must be " + expected);
        problem.setProperty("parameter", name);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = problem(ProblemType.INVALID_PARAMETER, e.getParameterName() + " is required");
        problem.setProperty("parameter", e.getParameterName());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causedBy(e, BodySizeLimitFilter.BodyTooLargeException.class)) {
            ProblemDetail problem = problem(ProblemType.BODY_TOO_LARGE,
                    "the request body is larger than the limit of " + BodySizeLimitFilter.LIMIT + " bytes");
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        ProblemDetail problem = problem(ProblemType.MALFORMED_REQUEST, notReadableDetail(e));
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem.setProperty("field", path(mapping));
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String notReadableDetail(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
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
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException parse) {
            return "the body is not valid JSON: " + parse.getOriginalMessage();
        }
        return "the request body is missing or cannot be read";
    }

    private static String path(JsonMappingException e) {
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

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
