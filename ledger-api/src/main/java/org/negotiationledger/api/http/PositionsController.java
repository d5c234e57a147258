package org.negotiationledger.api.http;

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
@RequestMapping("/api/negotiations/{negotiationId}")
class PositionsController {

    private final ViewAnswers views;

    PositionsController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping("/positions")
    ResponseEntity<PositionMatrix> matrix(@PathVariable String negotiationId,
                                          @RequestParam(required = false) LocalDate asOf,
                                          @RequestParam(required = false) Instant knownAt,
                                          @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new PositionMatrixQuery(negotiationId, asOf, knownAt),
                PositionMatrix.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }

    @GetMapping("/positions/{partyId}/{topicId}/history")
    ResponseEntity<PositionHistory> history(@PathVariable String negotiationId, @PathVariable String partyId,
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
    ResponseEntity<PositionChanges> changes(@PathVariable String negotiationId, @RequestParam LocalDate from,
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
