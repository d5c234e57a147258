package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.projections.exchanges.Exchange;
import org.negotiationledger.projections.exchanges.ExchangeList;
import org.negotiationledger.projections.exchanges.ExchangesProjector;
import org.negotiationledger.projections.exchanges.FindExchange;
import org.negotiationledger.projections.exchanges.FindExchanges;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The exchanges of a negotiation: terms, agreement, stages, totals and status. */
@RestController
@Tag(name = "Exchanges", description = "Swaps of prisoners, bodies or goods: terms, agreement, stages, totals")
@RequestMapping("/api/negotiations/{negotiationId}/exchanges")
class ExchangesController {

    private final ViewAnswers views;

    ExchangesController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Every exchange of a negotiation, in the order proposed", description = """
            The exchanges proposed by asOf, as recorded by knownAt, each as it stood then: its agreement, \
            stages, totals and status. Event data brings in no exchanges: machineCoded=exclude is taken, \
            as by every list, and leaves them all.""")
    ResponseEntity<ExchangeList> exchanges(@PathVariable String negotiationId,
                                           @RequestParam(required = false) LocalDate asOf,
                                           @RequestParam(required = false) Instant knownAt,
                                           @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                           @RequestParam(required = false) Long waitFor) {
        MachineCoded.included(machineCoded);
        return views.answer(ExchangesProjector.NAME, waitFor, new FindExchanges(negotiationId, asOf, knownAt),
                ExchangeList.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }

    @GetMapping("/{exchangeId}")
    @Operation(summary = "One exchange, as it stood on asOf as known at knownAt",
            description = "As the list of exchanges shows it on that day; 404 when the negotiation holds no "
                    + "exchange of that id.")
    ResponseEntity<Exchange> exchange(@PathVariable String negotiationId, @PathVariable String exchangeId,
                                      @RequestParam(required = false) LocalDate asOf,
                                      @RequestParam(required = false) Instant knownAt,
                                      @RequestParam(required = false) Long waitFor) {
        return views.answer(ExchangesProjector.NAME, waitFor, new FindExchange(negotiationId, exchangeId, asOf,
                        knownAt),
                Exchange.class, () -> new ProblemException(ProblemType.NOT_FOUND, "negotiation '" + negotiationId
                        + "' has no exchange '" + exchangeId + "'")
                        .with("negotiationId", negotiationId).with("exchangeId", exchangeId));
    }
}
