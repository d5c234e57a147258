package org.negotiationledger.api.views;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.core.api.EventTypes;
import org.negotiationledger.projections.audit.AuditEntry;
import org.negotiationledger.projections.audit.AuditPage;
import org.negotiationledger.projections.audit.AuditProjector;
import org.negotiationledger.projections.audit.FindAuditPage;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The audit trail: every stored event in order, with who recorded it, when, and under which
 * request. Paged by an opaque cursor: a page's {@code next} link (also in the Link header)
 * fetches the following one with the same filters.
 */
@RestController
@Tag(name = "Audit", description = "Every stored event with who recorded it, when and why")
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> EVENT_TYPES = EventTypes.NAMES;
    private static final String CURSOR_PREFIX = "after:";

    private final ViewAnswers views;

    AuditController(ViewAnswers views) {
        this.views = views;
    }

    /** One event; {@code payload} is the event's content as stored. */
    record AuditEvent(long position, String negotiationId, long sequence, String eventId, String type, String revision,
                 LocalDate effectiveOn, Instant recordedAt, String recordedBy, String correlationId,
                 @JsonRawValue String payload) {

        static AuditEvent of(AuditEntry entry) {
            return new AuditEvent(entry.position(), entry.negotiationId(), entry.sequence(), entry.eventId(),
                    entry.type(), entry.revision(), entry.effectiveOn(), entry.recordedAt(), entry.recordedBy(),
                    entry.correlationId(), entry.payloadJson());
        }
    }

    /** @param next the link to the following page, or null on the last one */
    record AuditTrail(List<AuditEvent> entries, String next) {
    }

    @GetMapping("/api/negotiations/{negotiationId}/audit")
    @Operation(summary = "The audit trail of one negotiation",
            description = "Filter by event type (repeat or comma-separate), party, recording time and effective date; "
                    + "asOf and knownAt as every view takes them (the events in force on that day, recorded by "
                    + "that time); machineCoded=exclude leaves out the records event data brought in; follow next "
                    + "for the following page.")
    ResponseEntity<AuditTrail> negotiationAudit(@PathVariable String negotiationId,
                                                @ParameterObject AuditFilters filters, HttpServletRequest request) {
        return page(negotiationId, filters, request);
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The audit trail of every negotiation, in store order",
            description = "Each event with who recorded it and when, by pages of at most limit entries; the Link "
                    + "header (rel=next) continues where a page ends.")
    ResponseEntity<AuditTrail> audit(@ParameterObject AuditFilters filters, HttpServletRequest request) {
        return page(null, filters, request);
    }

    private ResponseEntity<AuditTrail> page(String negotiationId, AuditFilters filters, HttpServletRequest request) {
        int limit = filters.limit() == null ? DEFAULT_LIMIT : filters.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Set<String> types = new HashSet<>(filters.type() == null ? List.of() : filters.type());
        types.removeIf(String::isBlank);
        for (String type : types) {
            if (!EVENT_TYPES.contains(type)) {
                throw ProblemException.invalidParameter("type", "'" + type + "' is not an event type; known types "
                        + "are " + EVENT_TYPES.stream().sorted().toList());
            }
        }
        FindAuditPage query = new FindAuditPage(negotiationId, types, filters.party(), filters.recordedFrom(),
                filters.recordedBeforeBound(), filters.effectiveFrom(), filters.effectiveTo(), filters.asOf(),
                filters.machineCoded() == null || MachineCoded.included(filters.machineCoded()),
                decode(filters.after()), limit);
        ResponseEntity<AuditPage> answer = views.answer(AuditProjector.NAME, filters.waitFor(), query,
                AuditPage.class, () -> ProblemException.unknownNegotiation(negotiationId));
        if (answer.getStatusCode() == HttpStatus.NOT_MODIFIED) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(answer.getHeaders()).build();
        }
        AuditPage page = answer.getBody();
        String next = page.next() == null ? null : UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("after", encode(page.next()))
                .replaceQueryParam("waitFor").build().toUriString();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().headers(answer.getHeaders());
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new AuditTrail(page.entries().stream().map(AuditEvent::of).toList(), next));
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long after = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (after >= 0) {
                    return after;
                }
            }
        } catch (IllegalArgumentException notACursor) {
            // answered below
        }
        throw ProblemException.invalidParameter("after", "is not a cursor this ledger gave out; use the next link "
                + "of a page");
    }
}
