package org.negotiationledger.api.problems;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * The kinds of problem the ledger reports, each with a stable type URI (RFC 9457). Clients
 * branch on the type; the detail is for people.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the "
            + "expected shape"),
    INVALID_FIELDS("invalid-fields", HttpStatus.BAD_REQUEST, "Some fields of the request are missing or invalid"),
    UNKNOWN_COMMAND("unknown-command", HttpStatus.BAD_REQUEST, "The import line names no command of the ledger"),
    REJECTED_REQUEST("rejected-request", HttpStatus.BAD_REQUEST, "The request's path, parameters or headers hold "
            + "something the ledger refuses"),
    UNREADABLE_EVENT_DATA("unreadable-event-data", HttpStatus.BAD_REQUEST, "The event-data file cannot be read as "
            + "the dataset named"),
    INVALID_MAPPING("invalid-mapping", HttpStatus.BAD_REQUEST, "The event-data mapping has an error"),
    INVALID_HEADER("invalid-header", HttpStatus.BAD_REQUEST, "A request header is invalid"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Credentials are missing or wrong"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Your role does not allow this"),
    STALE_PAGE_TOKEN("stale-page-token", HttpStatus.FORBIDDEN, "The page's security token is missing or out of "
            + "date"),
    TOO_MANY_FAILED_LOGINS("too-many-failed-logins", HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins from "
            + "this client; wait before trying again"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "A query parameter is missing or invalid"),
    UNKNOWN_PARAMETER("unknown-parameter", HttpStatus.BAD_REQUEST, "The request has a query parameter the endpoint "
            + "does not take"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "The path does not take this "
            + "method"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "The ledger cannot answer in the format asked for"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body is not "
            + "in a format the ledger reads"),
    UNKNOWN_NEGOTIATION("unknown-negotiation", HttpStatus.NOT_FOUND, "No such negotiation"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "No such resource"),
    VERSION_CONFLICT("version-conflict", HttpStatus.CONFLICT, "The negotiation has moved on"),
    ID_CONFLICT("id-conflict", HttpStatus.CONFLICT, "The id is already used for other content"),
    CONCURRENT_APPEND("concurrent-append", HttpStatus.CONFLICT, "The negotiation is too busy; try again"),
    CHAIN_BROKEN("chain-broken", HttpStatus.CONFLICT, "The negotiation's history no longer matches its hash chain"),
    REPLAY_IN_PROGRESS("replay-in-progress", HttpStatus.CONFLICT, "The view is already being replayed"),
    RULE_VIOLATION("rule-violation", HttpStatus.UNPROCESSABLE_ENTITY, "The command breaks a rule of the "
            + "negotiation"),
    STORAGE_UNAVAILABLE("storage-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The ledger's database is not "
            + "answering; try again shortly"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "The ledger failed to answer");

    /** What a rejected request is told. */
    public static final String REJECTED_REQUEST_DETAIL = "paths, query parameters and headers must be printable "
            + "text without control characters, encoded slashes, ';', '//' or '..', and headers ASCII";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create("/problems/" + slug);
        this.status = status;
        this.title = title;
    }

    /** The last part of the type URI, e.g. {@code rule-violation}. */
    public String slug() {
        return type.getPath().substring("/problems/".length());
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
