package org.negotiationledger.api.views;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.views.processing.DeadLetters;
import org.negotiationledger.api.views.processing.ReplayCoordinator;
import org.negotiationledger.api.views.processing.ViewProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Duration;
import java.util.ArrayList;
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
 */
@Component
class ViewAnswers {

    static final String VIEW_POSITION = "X-View-Position";
    static final String VIEW_BEHIND = "X-View-Behind";
    static final String VIEW_INCOMPLETE = "X-View-Incomplete";

    /** The views whose rows a view's answers read besides its own. */
    private static final Map<String, List<String>> ALSO_READS = Map.of("overview", List.of("audit"));

    private final QueryGateway queries;
    private final ViewProgress progress;
    private final DeadLetters deadLetters;
    private final ReplayCoordinator replays;
    private final Duration waitBound;

    ViewAnswers(QueryGateway queries, ViewProgress progress, DeadLetters deadLetters, ReplayCoordinator replays,
                @Value("${ledger.views.wait-bound:PT5S}") Duration waitBound) {
        this.queries = queries;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.waitBound = waitBound;
    }

    /**
     * @param waitFor the global position to wait for, or null
     * @param missing the problem to answer when the view has no answer
     */
    <R> ResponseEntity<R> answer(String view, Long waitFor, Object query, Class<R> type,
                                 Supplier<ProblemException> missing) {
        List<String> read = new ArrayList<>(List.of(view));
        read.addAll(ALSO_READS.getOrDefault(view, List.of()));
        boolean behind = false;
        if (waitFor != null) {
            if (waitFor < 0) {
                throw ProblemException.invalidParameter("waitFor",
                        "must be a position returned by a command (0 or more)");
            }
            long deadline = System.nanoTime() + waitBound.toNanos();
            for (String each : read) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                behind = behind || !progress.awaitProcessed(each, waitFor, left);
            }
        }
        long position = read.stream().mapToLong(progress::position).min().orElseThrow();
        String negotiation = negotiationAskedAbout();
        boolean incomplete = read.stream().anyMatch(each -> deadLetters.incomplete(each, negotiation));
        R result = replays.whileNotSwitching(() -> queries.query(query, ResponseTypes.instanceOf(type)).join());
        if (result == null) {
            ProblemException problem = missing.get().with("viewPosition", position);
            if (incomplete) {
                problem.with("viewIncomplete", true);
            }
            throw behind ? problem.with("viewBehind", true) : problem;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(VIEW_POSITION, Long.toString(position));
        if (behind) {
            response.header(VIEW_BEHIND, "true");
        }
        if (incomplete) {
            response.header(VIEW_INCOMPLETE, "true");
        }
        return response.body(result);
    }

    /** The negotiation named in the request's path, or null for a question across negotiations. */
    private static String negotiationAskedAbout() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> variables && variables.get("negotiationId") instanceof String id) {
            return id;
        }
        return null;
    }
}
