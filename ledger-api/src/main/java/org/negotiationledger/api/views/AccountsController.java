package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.projections.positions.AccountList;
import org.negotiationledger.projections.positions.FindAccounts;
import org.negotiationledger.projections.positions.PositionsProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** Contested accounts: records that sources tell differently, side by side. */
@RestController
@Tag(name = "Accounts", description = "Differing accounts of a record, each with its sources, side by side")
@RequestMapping("/api/negotiations/{negotiationId}/accounts")
class AccountsController {

    private final ViewAnswers views;

    AccountsController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "The records sources tell differently, every account side by side", description = """
            Per record (statement, meeting, exchange, outcome or agreement) and the part of it an account \
            concerns (field), every account in the order recorded, each with its figure or wording, the \
            party whose account it is, its sources and how many publishers those are. Nothing is averaged \
            or chosen; differ says whether the accounts not retracted disagree. asOf keeps the records that \
            took effect by that day, knownAt the accounts recorded by that time; recordId one record.""")
    ResponseEntity<AccountList> accounts(@PathVariable String negotiationId,
                                         @RequestParam(required = false) String recordId,
                                         @RequestParam(required = false) LocalDate asOf,
                                         @RequestParam(required = false) Instant knownAt,
                                         @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                         @RequestParam(required = false) Long waitFor) {
        MachineCoded.included(machineCoded);
        return views.answer(PositionsProjector.NAME, waitFor, new FindAccounts(negotiationId, recordId, asOf,
                knownAt), AccountList.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }
}
