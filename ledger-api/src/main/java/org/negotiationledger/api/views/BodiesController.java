package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.projections.positions.BodyList;
import org.negotiationledger.projections.positions.FindBodies;
import org.negotiationledger.projections.positions.PositionsProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** The mechanisms a negotiation set up: working groups, monitoring missions, committees. */
@RestController
@Tag(name = "Bodies", description = "Working groups, monitoring missions and committees the negotiation set up")
@RequestMapping("/api/negotiations/{negotiationId}/bodies")
class BodiesController {

    private final ViewAnswers views;

    BodiesController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "The bodies a negotiation set up, in the order created", description = """
            The bodies created by asOf, as recorded by knownAt: name, kind, mandate, members (party, \
            delegate, role), topics, the agreement or meeting that made each, sources, and whether it still \
            stood on the day (active) or was dissolved (dissolvedOn, with its reason and sources). partyId \
            keeps those the party sits in; active=true those not dissolved by the day. Event data brings \
            in no bodies: machineCoded=exclude is taken, as by every list, and leaves them all.""")
    ResponseEntity<BodyList> bodies(@PathVariable String negotiationId,
                                    @RequestParam(required = false) String partyId,
                                    @RequestParam(defaultValue = "false") boolean active,
                                    @RequestParam(required = false) LocalDate asOf,
                                    @RequestParam(required = false) Instant knownAt,
                                    @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                    @RequestParam(required = false) Long waitFor) {
        MachineCoded.included(machineCoded);
        return views.answer(PositionsProjector.NAME, waitFor, new FindBodies(negotiationId, asOf, knownAt, partyId,
                active), BodyList.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }
}
