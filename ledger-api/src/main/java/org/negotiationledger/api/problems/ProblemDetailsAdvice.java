package org.negotiationledger.api.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns every refusal into an RFC 9457 problem: a stable type per kind, the offending field,
 * header or rule named, never a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler({RuleViolationException.class, IdConflictException.class, InvalidValueException.class,
            AggregateNotFoundException.class, ConflictingAggregateVersionException.class, ConcurrencyException.class})
    ProblemDetail refusedCommand(Exception e) {
        return Problems.of(e);
    }

    @ExceptionHandler
    ProblemDetail badHeader(BadHeaderException e) {
        ProblemDetail problem = Problems.problem(ProblemType.INVALID_HEADER, e.header() + " " + e.getMessage());
        problem.setProperty("header", e.header());
        return problem;
    }

    /** A path, parameter or header value the firewall refuses, found when the value is read. */
    @ExceptionHandler
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.problem(ProblemType.REJECTED_REQUEST, ProblemType.REJECTED_REQUEST_DETAIL);
    }

    @ExceptionHandler
    ProblemDetail refused(ProblemException e) {
        return Problems.of(e);
    }

    /** A command body that does not fit its request (read by the route table, not by Spring's converters). */
    @ExceptionHandler
    ProblemDetail unreadable(JsonProcessingException e) {
        return Problems.of(e);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        ProblemDetail storage = Problems.storageUnavailable(e, HttpMethod.POST.matches(request.getMethod()));
        if (storage != null) {
            // An outage, not a fault of the ledger's code: its cause in one line, not a stack trace per request.
            log.error("The database did not answer {} {}: {}", request.getMethod(),
                    request.getRequestURI(), rootCause(e).toString());
            return ResponseEntity.status(storage.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(Problems.RETRY_AFTER_SECONDS)).body(storage);
        }
        if (sqlState(e).startsWith("22")) {
            // A data exception: a value of the request that the database cannot compare or store.
            ProblemDetail problem = Problems.problem(ProblemType.REJECTED_REQUEST, "a value in the request cannot "
                    + "be searched for: " + ProblemType.REJECTED_REQUEST_DETAIL);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        ProblemDetail problem = Problems.of(e);
        if (problem.getStatus() >= 500) {
            log.error("Request failed unexpectedly", e);
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            if (error.isBindingFailure() && error.contains(TypeMismatchException.class)) {
                // Query parameters bound to a record: the same answer as a mistyped @RequestParam.
                return handleTypeMismatch(error.unwrap(TypeMismatchException.class), headers, status, request);
            }
        }
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.invalidFields(errors);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(e.getPropertyName());
        Class<?> target = e.getRequiredType();
        String expected = target == null ? "of another form" : Problems.expected(target);
        ProblemDetail problem = Problems.problem(ProblemType.INVALID_PARAMETER, name + " has the value "
                + Problems.quoted(e.getValue()) + ", but must be " + expected);
        problem.setProperty("parameter", name);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = Problems.problem(ProblemType.INVALID_PARAMETER, e.getParameterName() + " is required");
        problem.setProperty("parameter", e.getParameterName());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causedBy(e, BodyTooLargeException.class)) {
            ProblemDetail problem = Problems.problem(ProblemType.BODY_TOO_LARGE,
                    "the request body is larger than the limit of " + Limits.BODY_BYTES + " bytes");
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        ProblemDetail problem = Problems.problem(ProblemType.MALFORMED_REQUEST,
                Problems.notReadableDetail(e.getCause()));
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem.setProperty("field", Problems.path(mapping));
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Request failed", e);
        }
        boolean frameworks = body == null ? e instanceof ErrorResponse
                : body instanceof ProblemDetail problem && ABOUT_BLANK.equals(problem.getType());
        if (frameworks) {
            return ResponseEntity.status(status).headers(headers).body(Problems.ofFramework(e, status,
                    request instanceof ServletWebRequest servlet ? servlet.getRequest() : null));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
