package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.projections.positions.PositionChanges;
import org.negotiationledger.projections.positions.PositionChangesQuery;
import org.negotiationledger.projections.positions.PositionHistory;
import org.negotiationledger.projections.positions.PositionHistoryQuery;
import org.negotiationledger.projections.positions.PositionMatrix;
import org.negotiationledger.projections.positions.PositionMatrixQuery;
import org.negotiationledger.projections.positions.PositionsProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** Where each party stands on each topic, at any effective date, as known at any recording time. */
@RestController
@Tag(name = "Positions", description = "Each party's position on each topic over time")
@RequestMapping("/api/negotiations/{negotiationId}")
class PositionsController {

    private final ViewAnswers views;

    PositionsController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping("/positions")
    @Operation(summary = "The matrix of parties × topics", description = """
            Each cell is the statement that decides the party's position: the latest effective date, then \
            the latest recorded. asOf and knownAt together answer "on date K, what did we believe the \
            positions were on date E?\"""")
    ResponseEntity<PositionMatrix> positions(@PathVariable String negotiationId,
                                             @RequestParam(required = false) LocalDate asOf,
                                             @RequestParam(required = false) Instant knownAt,
                                             @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new PositionMatrixQuery(negotiationId, asOf, knownAt),
                PositionMatrix.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }

    @GetMapping("/positions/{partyId}/{topicId}/history")
    @Operation(summary = "Every version of one party's statements on one topic", description = """
            Oldest effective date first; corrections and retractions appear as versions of their own, and \
            the versions they replaced are kept, marked superseded.""")
    ResponseEntity<PositionHistory> positionHistory(@PathVariable String negotiationId, @PathVariable String partyId,
                                                    @PathVariable String topicId,
                                                    @RequestParam(required = false) Instant knownAt,
                                                    @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor,
                new PositionHistoryQuery(negotiationId, partyId, topicId, knownAt), PositionHistory.class,
                () -> new ProblemException(ProblemType.NOT_FOUND, "negotiation '" + negotiationId
                        + "' has no party '" + partyId + "' or no topic '" + topicId + "'")
                        .with("negotiationId", negotiationId).with("partyId", partyId).with("topicId", topicId));
    }

    @GetMapping("/changes")
    @Operation(summary = "What moved between two effective dates", description = """
            Per party and topic, the position on from and on to (the latest when to is left out), where \
            they differ.""")
    ResponseEntity<PositionChanges> positionChanges(@PathVariable String negotiationId, @RequestParam LocalDate from,
                                                    @RequestParam(required = false) LocalDate to,
                                                    @RequestParam(required = false) Instant knownAt,
                                                    @RequestParam(required = false) Long waitFor) {
        if (to != null && to.isBefore(from)) {
            throw ProblemException.invalidParameter("to", "(" + to + ") is before from (" + from + ")");
        }
        return views.answer(PositionsProjector.NAME, waitFor, new PositionChangesQuery(negotiationId, from, to,
                knownAt), PositionChanges.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }
}
