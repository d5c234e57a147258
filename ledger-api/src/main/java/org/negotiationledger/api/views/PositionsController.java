package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.core.api.Values;
import org.negotiationledger.projections.positions.FindOfferGaps;
import org.negotiationledger.projections.positions.FindOutcomes;
import org.negotiationledger.projections.positions.FindPositionChanges;
import org.negotiationledger.projections.positions.FindPositionDyads;
import org.negotiationledger.projections.positions.FindPositionHistory;
import org.negotiationledger.projections.positions.FindPositionMatrix;
import org.negotiationledger.projections.positions.OfferGaps;
import org.negotiationledger.projections.positions.OutcomeList;
import org.negotiationledger.projections.positions.PositionChanges;
import org.negotiationledger.projections.positions.PositionDyads;
import org.negotiationledger.projections.positions.PositionHistory;
import org.negotiationledger.projections.positions.PositionMatrix;
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
            Each cell is the statement that decides the party's position: the latest effective date; on \
            the same day the latest effectiveAt (none counts as the day's start), then the one more \
            independent publishers report, then the latest recorded. A proposal whose validUntil lies \
            before asOf (or today) shows as LAPSED. With counterpart, only the statements addressed to \
            that party decide the cells: the party's positions towards it. \
            The parties are those present on asOf, the delegates with the titles they held, and per topic \
            the latest outcome. asOf and knownAt together answer "on date K, what did we believe the \
            positions were on date E?" With minPublishers, only statements that many independent \
            publishers report decide a cell.""")
    ResponseEntity<PositionMatrix> positions(@PathVariable String negotiationId,
                                             @RequestParam(required = false) LocalDate asOf,
                                             @RequestParam(required = false) Instant knownAt,
                                             @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                             @RequestParam(defaultValue = "0") int minPublishers,
                                             @RequestParam(required = false) String counterpart,
                                             @RequestParam(required = false) Long waitFor) {
        if (minPublishers < 0 || minPublishers > Values.ITEMS) {
            throw ProblemException.invalidParameter("minPublishers", "must be a whole number from 0 to "
                    + Values.ITEMS);
        }
        return views.answer(PositionsProjector.NAME, waitFor, new FindPositionMatrix(negotiationId, asOf, knownAt,
                        MachineCoded.included(machineCoded), minPublishers, counterpart),
                PositionMatrix.class, () -> unknown(negotiationId, counterpart));
    }

    @GetMapping("/positions/dyads")
    @Operation(summary = "Each party's positions towards each other party (party × counterpart × topic)",
            description = """
            For every party, every party its statements are addressed to (counterpartId) and every topic, \
            the statement that decides the position, by the matrix's rule. Statements addressed to no one \
            count in the matrix alone. Honours asOf, knownAt and machineCoded=exclude.""")
    ResponseEntity<PositionDyads> positionDyads(@PathVariable String negotiationId,
                                                @RequestParam(required = false) LocalDate asOf,
                                                @RequestParam(required = false) Instant knownAt,
                                                @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                                @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new FindPositionDyads(negotiationId, asOf, knownAt,
                        MachineCoded.included(machineCoded)), PositionDyads.class,
                () -> ProblemException.unknownNegotiation(negotiationId));
    }

    /** The negotiation is unknown, or has no party by the counterpart's id. */
    private static ProblemException unknown(String negotiationId, String counterpart) {
        return counterpart == null ? ProblemException.unknownNegotiation(negotiationId)
                : new ProblemException(ProblemType.NOT_FOUND, "negotiation '" + negotiationId
                + "' does not exist or has no party '" + counterpart + "' to be the counterpart")
                .with("negotiationId", negotiationId).with("counterpart", counterpart);
    }

    @GetMapping("/positions/{partyId}/{topicId}/history")
    @Operation(summary = "Every version of one party's statements on one topic", description = """
            Oldest effective date first; corrections and retractions appear as versions of their own, and \
            the versions they replaced are kept, marked superseded. Each names the delegate's title on \
            the statement's day. With counterpart, only the statements addressed to that party.""")
    ResponseEntity<PositionHistory> positionHistory(@PathVariable String negotiationId, @PathVariable String partyId,
                                                    @PathVariable String topicId,
                                                    @RequestParam(required = false) LocalDate asOf,
                                                    @RequestParam(required = false) Instant knownAt,
                                                    @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                                    @RequestParam(required = false) String counterpart,
                                                    @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor,
                new FindPositionHistory(negotiationId, partyId, topicId, asOf, knownAt,
                        MachineCoded.included(machineCoded), counterpart),
                PositionHistory.class,
                () -> new ProblemException(ProblemType.NOT_FOUND, "negotiation '" + negotiationId
                        + "' has no party '" + partyId + "' or no topic '" + topicId + "'"
                        + (counterpart == null ? "" : " or no party '" + counterpart + "' to be the counterpart"))
                        .with("negotiationId", negotiationId).with("partyId", partyId).with("topicId", topicId));
    }

    @GetMapping("/changes")
    @Operation(summary = "What moved between two effective dates", description = """
            Per party and topic, the position on from and on to (the latest when to is left out), where \
            they differ; with counterpart, the positions towards that party.""")
    ResponseEntity<PositionChanges> positionChanges(@PathVariable String negotiationId, @RequestParam LocalDate from,
                                                    @RequestParam(required = false) LocalDate to,
                                                    @RequestParam(required = false) Instant knownAt,
                                                    @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                                    @RequestParam(required = false) String counterpart,
                                                    @RequestParam(required = false) Long waitFor) {
        if (to != null && to.isBefore(from)) {
            throw ProblemException.invalidParameter("to", "(" + to + ") is before from (" + from + ")");
        }
        return views.answer(PositionsProjector.NAME, waitFor, new FindPositionChanges(negotiationId, from, to,
                knownAt, MachineCoded.included(machineCoded), counterpart), PositionChanges.class,
                () -> unknown(negotiationId, counterpart));
    }

    @GetMapping("/outcomes")
    @Operation(summary = "Agreements and disagreements on topics, and what became of them", description = """
            The outcomes reached by asOf, as recorded by knownAt, earliest first, each with the statuses \
            in force then (implemented, partly implemented, violated, abandoned); topicId and partyId \
            keep those on a topic, or with a party.""")
    ResponseEntity<OutcomeList> outcomes(@PathVariable String negotiationId,
                                         @RequestParam(required = false) String topicId,
                                         @RequestParam(required = false) String partyId,
                                         @RequestParam(required = false) LocalDate asOf,
                                         @RequestParam(required = false) Instant knownAt,
                                         @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                         @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new FindOutcomes(negotiationId, topicId, partyId,
                        asOf, knownAt, MachineCoded.included(machineCoded)), OutcomeList.class,
                () -> ProblemException.unknownNegotiation(negotiationId));
    }

    @GetMapping("/offer-gaps")
    @Operation(summary = "How far apart the parties' numeric offers on a topic were, day by day", description = """
            For every pair of parties with offers on the topic: on each day either side's offer changed \
            or lapsed, both offers in force (a value or a range) and the gap between them, 0 once they \
            meet, in a unit both convert to; and what part of the opening gap each side conceded. \
            Honours asOf and knownAt; machineCoded=exclude counts the statements people recorded only.""")
    ResponseEntity<OfferGaps> offerGaps(@PathVariable String negotiationId, @RequestParam String topicId,
                                        @RequestParam(required = false) LocalDate asOf,
                                        @RequestParam(required = false) Instant knownAt,
                                        @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                        @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new FindOfferGaps(negotiationId, topicId, asOf,
                        knownAt, MachineCoded.included(machineCoded)), OfferGaps.class,
                () -> new ProblemException(ProblemType.NOT_FOUND, "negotiation '" + negotiationId
                        + "' has no topic '" + topicId + "'")
                        .with("negotiationId", negotiationId).with("topicId", topicId));
    }
}
