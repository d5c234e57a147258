package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.projections.overview.FindNegotiation;
import org.negotiationledger.projections.overview.FindNegotiations;
import org.negotiationledger.projections.overview.NegotiationList;
import org.negotiationledger.projections.overview.NegotiationStatus;
import org.negotiationledger.projections.overview.NegotiationSummary;
import org.negotiationledger.projections.overview.OverviewProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The negotiations the ledger holds, each at a glance. */
@RestController
@Tag(name = "Negotiations", description = "Each negotiation at a glance")
@RequestMapping("/api/negotiations")
class OverviewController {

    private final ViewAnswers views;

    OverviewController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Every negotiation, by id, with status and counts", description = """
            The negotiations opened by asOf and recorded by knownAt, each with its status and counts on \
            that day as known then; status filters on that status. machineCoded=exclude counts only what \
            people recorded: the statements, meetings and outcomes brought in from event data are left out \
            (corrections and retractions count whatever they concern).""")
    ResponseEntity<NegotiationList> negotiations(@RequestParam(required = false) NegotiationStatus status,
                                                 @RequestParam(required = false) LocalDate asOf,
                                                 @RequestParam(required = false) Instant knownAt,
                                                 @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                                 @RequestParam(required = false) Long waitFor) {
        return views.answer(OverviewProjector.NAME, waitFor, new FindNegotiations(status, asOf, knownAt,
                        MachineCoded.included(machineCoded)),
                NegotiationList.class,
                () -> new ProblemException(ProblemType.INTERNAL_ERROR, "the overview view gave no answer"));
    }

    @GetMapping("/{negotiationId}")
    @Operation(summary = "One negotiation with its parties, delegates, topics, counts and dates", description = """
            On asOf as known at knownAt: the parties present that day, the delegates with the titles \
            they held, the topics, the status and the counts of what was in force then; \
            machineCoded=exclude leaves the records brought in from event data out of the counts.""")
    ResponseEntity<NegotiationSummary> negotiation(@PathVariable String negotiationId,
                                                   @RequestParam(required = false) LocalDate asOf,
                                                   @RequestParam(required = false) Instant knownAt,
                                                   @RequestParam(defaultValue = MachineCoded.INCLUDE)
                                                   String machineCoded,
                                                   @RequestParam(required = false) Long waitFor) {
        return views.answer(OverviewProjector.NAME, waitFor, new FindNegotiation(negotiationId, asOf, knownAt,
                        MachineCoded.included(machineCoded)),
                NegotiationSummary.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }
}
