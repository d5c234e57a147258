package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.projections.positions.SignedAgreement;
import org.negotiationledger.projections.positions.AgreementList;
import org.negotiationledger.projections.positions.FindAgreement;
import org.negotiationledger.projections.positions.FindAgreements;
import org.negotiationledger.projections.positions.PositionsProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** The agreements the parties signed: documents with signatories, stage and provisions. */
@RestController
@Tag(name = "Agreements", description = "Agreements signed, with their signatories, stage and provisions")
@RequestMapping("/api/negotiations/{negotiationId}/agreements")
class AgreementsController {

    private final ViewAnswers views;

    AgreementsController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Every agreement of a negotiation, in the order signed", description = """
            The agreements signed by asOf, as recorded by knownAt: title, day, stage, signatories, \
            provisions (topic, category, text, the exchange agreed), sources, and what had become of \
            each by then; a retracted one is marked. Each is also the outcome on the topics it \
            provides for (GET …/outcomes). Event data brings in no agreements: machineCoded=exclude \
            is taken, as by every list, and leaves them all.""")
    ResponseEntity<AgreementList> agreements(@PathVariable String negotiationId,
                                             @RequestParam(required = false) LocalDate asOf,
                                             @RequestParam(required = false) Instant knownAt,
                                             @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                             @RequestParam(required = false) Long waitFor) {
        MachineCoded.included(machineCoded);
        return views.answer(PositionsProjector.NAME, waitFor, new FindAgreements(negotiationId, asOf, knownAt),
                AgreementList.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }

    @GetMapping("/{agreementId}")
    @Operation(summary = "One agreement, as it stood on asOf as known at knownAt",
            description = "As the list of agreements shows it on that day; 404 when the negotiation holds no "
                    + "agreement of that id.")
    ResponseEntity<SignedAgreement> agreement(@PathVariable String negotiationId, @PathVariable String agreementId,
                                        @RequestParam(required = false) LocalDate asOf,
                                        @RequestParam(required = false) Instant knownAt,
                                        @RequestParam(required = false) Long waitFor) {
        return views.answer(PositionsProjector.NAME, waitFor, new FindAgreement(negotiationId, agreementId, asOf,
                        knownAt), SignedAgreement.class, () -> new ProblemException(ProblemType.NOT_FOUND, "negotiation '"
                        + negotiationId + "' has no agreement '" + agreementId + "' signed and recorded by then")
                .with("negotiationId", negotiationId).with("agreementId", agreementId));
    }
}
