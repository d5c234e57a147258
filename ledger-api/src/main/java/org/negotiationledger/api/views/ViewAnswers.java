package org.negotiationledger.api.views;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.storage.ReadReplica;
import org.negotiationledger.api.storage.StoreHeads;
import org.negotiationledger.api.views.processing.DeadLetters;
import org.negotiationledger.api.views.processing.ReplayCoordinator;
import org.negotiationledger.api.views.processing.ViewProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asks a view a question over the query bus, first waiting (bounded) for the view to reach a
 * position the client names, so that a client reads its own writes. Every answer says how far
 * the view was ({@code X-View-Position}); one that could not wait long enough says so
 * ({@code X-View-Behind: true}). When the view set aside events of the negotiation asked about (or,
 * for a question across negotiations, of any), the answer is incomplete and says so
 * ({@code X-View-Incomplete: true}); the admin's dead-letter listing says which. The overview's
 * answers read the audit view's rows too (its counts come from the ledger's index of events), so
 * they wait for both views, say the position of the one behind, and are incomplete when either is.
 *
 * <p>On a node with a read replica the whole answer, position and waiting included, is read from
 * the replica's copy ({@link ReadReplica}); {@code X-View-Source} says which copy answered.
 *
 * <p>An answer pinned to a {@code knownAt} in the past, once everything recorded by then is in the
 * view and nothing of it was set aside, can never change: it may be kept for a year
 * ({@code immutable}), with a strong ETag made from its body ({@link PinnedAnswers}). Any other
 * answer carries a weak ETag made from the view's position, so that a conditional GET is answered
 * 304 before the view is asked. Caches are private to the client unless
 * {@code ledger.http.shared-caches=true} (docs/views.md, "Caching answers").
 */
@Component
class ViewAnswers {

    static final String VIEW_POSITION = "X-View-Position";
    static final String VIEW_BEHIND = "X-View-Behind";
    static final String VIEW_INCOMPLETE = "X-View-Incomplete";
    static final String VIEW_SOURCE = "X-View-Source";
    /** How long an answer pinned to the past may be kept: a year, as long as caches are asked to keep anything. */
    private static final Duration IMMUTABLE = Duration.ofDays(365);

    /** The views whose rows a view's answers read besides its own. */
    private static final Map<String, List<String>> ALSO_READS = Map.of("overview", List.of("audit"));

    private final QueryGateway queries;
    private final ViewProgress progress;
    private final DeadLetters deadLetters;
    private final ReplayCoordinator replays;
    private final ReadReplica replica;
    private final StoreHeads heads;
    private final Clock clock;
    private final Duration waitBound;
    private final Duration settledAfter;
    /** Whether shared caches (proxies) may keep answers, or only the client's own. */
    private final boolean sharedCaches;

    ViewAnswers(QueryGateway queries, ViewProgress progress, DeadLetters deadLetters, ReplayCoordinator replays,
                ReadReplica replica, StoreHeads heads, Clock clock,
                @Value("${ledger.views.wait-bound:PT5S}") Duration waitBound,
                @Value("${ledger.http.settled-after:PT1M}") Duration settledAfter,
                @Value("${ledger.http.shared-caches:false}") boolean sharedCaches) {
        this.queries = queries;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.replica = replica;
        this.heads = heads;
        this.clock = clock;
        this.waitBound = waitBound;
        this.settledAfter = settledAfter;
        this.sharedCaches = sharedCaches;
    }

    /**
     * @param waitFor the global position to wait for, or null
     * @param missing the problem to answer when the view has no answer
     */
    <R> ResponseEntity<R> answer(String view, Long waitFor, Object query, Class<R> type,
                                 Supplier<ProblemException> missing) {
        if (waitFor != null && waitFor < 0) {
            throw ProblemException.invalidParameter("waitFor", "must be a position returned by a command (0 or more)");
        }
        return replica.read(() -> answerHere(view, waitFor, query, type, missing));
    }

    /** The answer from the database this thread reads: the replica's copy while {@link ReadReplica#read} runs it. */
    private <R> ResponseEntity<R> answerHere(String view, Long waitFor, Object query, Class<R> type,
                                             Supplier<ProblemException> missing) {
        List<String> read = new ArrayList<>(List.of(view));
        read.addAll(ALSO_READS.getOrDefault(view, List.of()));
        boolean behind = false;
        if (waitFor != null) {
            long deadline = System.nanoTime() + waitBound.toNanos();
            for (String each : read) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                behind = behind || !progress.awaitProcessed(each, waitFor, left);
            }
        }
        long position = read.stream().mapToLong(progress::position).min().orElseThrow();
        HttpServletRequest request = request();
        String negotiation = negotiationAskedAbout(request);
        boolean incomplete = read.stream().anyMatch(each -> deadLetters.incomplete(each, negotiation));
        HttpHeaders headers = new HttpHeaders();
        headers.set(VIEW_POSITION, Long.toString(position));
        headers.set(VIEW_SOURCE, ReadReplica.reading() ? "replica" : "primary");
        if (behind) {
            headers.set(VIEW_BEHIND, "true");
        }
        if (incomplete) {
            headers.set(VIEW_INCOMPLETE, "true");
        }
        headers.setVary(List.of(HttpHeaders.ACCEPT));
        Instant pinnedAt = pinnedAt(request);
        if (pinnedAt != null && !behind && !incomplete && heads.allRecordedAfter(position, pinnedAt)) {
            // The strong ETag is the body's own, made and checked by PinnedAnswers once the body is written.
            headers.setCacheControl(forCaches(CacheControl.maxAge(IMMUTABLE).immutable()));
        } else {
            String tag = presentTag(read, position, request);
            headers.setETag(tag);
            headers.setCacheControl(forCaches(CacheControl.noCache()));
            if (request != null && matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
            }
        }
        R result = replays.whileNotSwitching(() -> queries.query(query, ResponseTypes.instanceOf(type)).join());
        if (result == null) {
            ProblemException problem = missing.get().with("viewPosition", position);
            if (incomplete) {
                problem.with("viewIncomplete", true);
            }
            throw behind ? problem.with("viewBehind", true) : problem;
        }
        return ResponseEntity.ok().headers(headers).body(result);
    }

    /**
     * The knownAt the request pins its answer to, when that lies far enough in the past that
     * nothing recorded by then is still to be stored; null for an answer about the present.
     */
    private Instant pinnedAt(HttpServletRequest request) {
        String knownAt = request == null ? null : request.getParameter("knownAt");
        if (knownAt == null || knownAt.isBlank()) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(knownAt).toInstant();
            return at.isBefore(clock.instant().minus(settledAfter)) ? at : null;
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    /**
     * A weak ETag for an answer about the present: it changes when the view moves on, when its
     * events set aside change, at midnight (an answer without a date is today's), and with the
     * form asked for, so that a client or proxy that sends it back is answered 304 without a query.
     */
    private String presentTag(List<String> read, long position, HttpServletRequest request) {
        long setAside = read.stream().mapToLong(deadLetters::count).sum();
        String form = request == null ? "" : request.getHeader(HttpHeaders.ACCEPT) + "|"
                + request.getParameter("format") + "|" + request.getParameter("bom");
        return "W/\"" + position + "-" + setAside + "-" + LocalDate.now(clock) + "-"
                + Integer.toHexString(form.hashCode()) + "\"";
    }

    /** Whether an If-None-Match header names the tag, compared weakly as RFC 9110 asks for a GET. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String bare = tag.startsWith("W/") ? tag.substring(2) : tag;
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(each -> each.equals("*") || (each.startsWith("W/") ? each.substring(2) : each).equals(bare));
    }

    /** Private to the client's own cache, unless the ledger is set to let shared caches keep its answers. */
    private CacheControl forCaches(CacheControl control) {
        return sharedCaches ? control.cachePublic() : control.cachePrivate();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** The negotiation named in the request's path, or null for a question across negotiations. */
    private static String negotiationAskedAbout(HttpServletRequest request) {
        if (request != null && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> variables && variables.get("negotiationId") instanceof String id) {
            return id;
        }
        return null;
    }
}
