package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.projections.positions.FindLinkage;
import org.negotiationledger.projections.positions.FindPackages;
import org.negotiationledger.projections.positions.Linkage;
import org.negotiationledger.projections.positions.PositionsProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** How topics hang together: statements' links and packages of topics agreed or refused together. */
@RestController
@Tag(name = "Linkage", description = "Linked topics and packages of topics agreed or refused together")
@RequestMapping("/api/negotiations/{negotiationId}")
class LinkageController {

    private final ViewAnswers views;

    LinkageController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping("/linkage")
    @Operation(summary = "Which topics are linked, and by what", description = """
            Every link of the statements that count on asOf (as known at knownAt): the statement, its \
            party and topic, how its position depends on the linked topic or record (IF, ONLY_AFTER, \
            IN_RETURN_FOR). linkedTopics lists per topic the topics linked to it, by a statement's link or \
            by a package that groups them. A retracted statement's links no longer count.""")
    ResponseEntity<Linkage> linkage(@PathVariable String negotiationId,
                                    @RequestParam(required = false) LocalDate asOf,
                                    @RequestParam(required = false) Instant knownAt,
                                    @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                    @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new FindLinkage(negotiationId, asOf, knownAt,
                MachineCoded.included(machineCoded)), Linkage.class,
                () -> ProblemException.unknownNegotiation(negotiationId));
    }

    @GetMapping("/packages")
    @Operation(summary = "The packages of topics, and which stand open", description = """
            The packages proposed by asOf, as recorded by knownAt, in the order proposed. Each says per \
            topic whether the latest outcome since the proposal agreed it (agreedTopicIds), recorded \
            that it was not agreed (refusedTopicIds), or none came yet (openTopicIds); status is AGREED \
            when all were agreed, REFUSED when all were refused, OPEN otherwise. status=OPEN keeps the \
            packages that stand open.""")
    ResponseEntity<Linkage.PackageList> packages(@PathVariable String negotiationId,
                                                 @RequestParam(required = false) Linkage.PackageStatus status,
                                                 @RequestParam(required = false) LocalDate asOf,
                                                 @RequestParam(required = false) Instant knownAt,
                                                 @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                                 @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new FindPackages(negotiationId, asOf, knownAt,
                MachineCoded.included(machineCoded), status), Linkage.PackageList.class,
                () -> ProblemException.unknownNegotiation(negotiationId));
    }
}
