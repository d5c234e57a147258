package org.negotiationledger.api.commands;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.negotiationledger.api.commands.CommandOutcome;
import org.negotiationledger.api.commands.CommandRequests.AddTopicRequest;
import org.negotiationledger.api.commands.CommandRequests.AgreeExchangeRequest;
import org.negotiationledger.api.commands.CommandRequests.ClosureRequest;
import org.negotiationledger.api.commands.CommandRequests.CorrectionRequest;
import org.negotiationledger.api.commands.CommandRequests.ExecutionRequest;
import org.negotiationledger.api.commands.CommandRequests.OpenNegotiationRequest;
import org.negotiationledger.api.commands.CommandRequests.ProposeExchangeRequest;
import org.negotiationledger.api.commands.CommandRequests.RecordMeetingRequest;
import org.negotiationledger.api.commands.CommandRequests.RecordStatementRequest;
import org.negotiationledger.api.commands.CommandRequests.RegisterDelegateRequest;
import org.negotiationledger.api.commands.CommandRequests.RegisterPartyRequest;
import org.negotiationledger.api.commands.CommandRequests.RetractionRequest;
import org.negotiationledger.api.commands.CommandRequests.Target;
import org.negotiationledger.api.commands.CommandSender;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * The command side over HTTP: every POST turns its body into one command on one negotiation.
 * 201 when the command recorded something, 200 when it repeated what was already recorded.
 */
@RestController
@Tag(name = "Commands", description = "Record what was said, agreed and done; each POST appends events")
@RequestMapping(path = "/api/negotiations", consumes = MediaType.APPLICATION_JSON_VALUE)
class NegotiationCommandController {

    private final CommandSender commands;
    private final Clock clock;

    NegotiationCommandController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** The answer to an accepted command; {@code recorded} is false for a repeat. */
    record CommandResponse(String negotiationId, long version, long position, boolean recorded) {
    }

    @PostMapping
    @Operation(summary = "Open a negotiation")
    ResponseEntity<CommandResponse> openNegotiation(@Valid @RequestBody OpenNegotiationRequest body,
                                                    CommandMetadata context) {
        return send(body.toCommand(new Target(null, null), now()), context);
    }

    @PostMapping("/{negotiationId}/parties")
    @Operation(summary = "Register a party (a side, mediator or observer)")
    ResponseEntity<CommandResponse> registerParty(@PathVariable String negotiationId,
                                                  @Valid @RequestBody RegisterPartyRequest body,
                                                  CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, null), now()), context);
    }

    @PostMapping("/{negotiationId}/delegates")
    @Operation(summary = "Register a delegate who speaks or acts for a party")
    ResponseEntity<CommandResponse> registerDelegate(@PathVariable String negotiationId,
                                                     @Valid @RequestBody RegisterDelegateRequest body,
                                                     CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, null), now()), context);
    }

    @PostMapping("/{negotiationId}/topics")
    @Operation(summary = "Add a topic")
    ResponseEntity<CommandResponse> addTopic(@PathVariable String negotiationId,
                                             @Valid @RequestBody AddTopicRequest body, CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, null), now()), context);
    }

    @PostMapping("/{negotiationId}/statements")
    @Operation(summary = "Record a party's statement on a topic",
            description = "The effective date is the day it was said; the recording time is now.")
    ResponseEntity<CommandResponse> recordStatement(@PathVariable String negotiationId,
                                                    @Valid @RequestBody RecordStatementRequest body,
                                                    CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, null), now()), context);
    }

    @PostMapping("/{negotiationId}/statements/{statementId}/corrections")
    @Operation(summary = "Correct a statement",
            description = "Only the fields that change, plus the reason. The original stays in the history.")
    ResponseEntity<CommandResponse> correctStatement(@PathVariable String negotiationId,
                                                     @PathVariable String statementId,
                                                     @Valid @RequestBody CorrectionRequest body,
                                                     CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, statementId), now()), context);
    }

    @PostMapping("/{negotiationId}/statements/{statementId}/retraction")
    @Operation(summary = "Retract a statement",
            description = "It stops counting for the party's position; the history keeps it.")
    ResponseEntity<CommandResponse> retractStatement(@PathVariable String negotiationId,
                                                     @PathVariable String statementId,
                                                     @Valid @RequestBody RetractionRequest body,
                                                     CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, statementId), now()), context);
    }

    @PostMapping("/{negotiationId}/meetings")
    @Operation(summary = "Record a round of talks")
    ResponseEntity<CommandResponse> recordMeeting(@PathVariable String negotiationId,
                                                  @Valid @RequestBody RecordMeetingRequest body,
                                                  CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, null), now()), context);
    }

    @PostMapping("/{negotiationId}/exchanges")
    @Operation(summary = "Propose an exchange (numbered, or all for all in categories)")
    ResponseEntity<CommandResponse> proposeExchange(@PathVariable String negotiationId,
                                                    @Valid @RequestBody ProposeExchangeRequest body,
                                                    CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, null), now()), context);
    }

    @PostMapping("/{negotiationId}/exchanges/{exchangeId}/agreements")
    @Operation(summary = "Record that at least two parties agreed an exchange")
    ResponseEntity<CommandResponse> agreeExchange(@PathVariable String negotiationId, @PathVariable String exchangeId,
                                                  @Valid @RequestBody AgreeExchangeRequest body,
                                                  CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, exchangeId), now()), context);
    }

    @PostMapping("/{negotiationId}/exchanges/{exchangeId}/executions")
    @Operation(summary = "Record a stage of an exchange carried out",
            description = "The exchange completes when the agreed numbers are reached.")
    ResponseEntity<CommandResponse> recordExchangeExecution(@PathVariable String negotiationId,
                                                    @PathVariable String exchangeId,
                                                    @Valid @RequestBody ExecutionRequest body,
                                                    CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, exchangeId), now()), context);
    }

    @PostMapping("/{negotiationId}/closure")
    @Operation(summary = "Close a negotiation", description = "A closed negotiation accepts nothing but corrections.")
    ResponseEntity<CommandResponse> closeNegotiation(@PathVariable String negotiationId,
                                                     @Valid @RequestBody ClosureRequest body, CommandMetadata context) {
        return send(body.toCommand(new Target(negotiationId, null), now()), context);
    }

    private Instant now() {
        return clock.instant();
    }

    private ResponseEntity<CommandResponse> send(NegotiationCommand command, CommandMetadata context) {
        CommandOutcome outcome = commands.send(command, context);
        return ResponseEntity.status(outcome.appended() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(Long.toString(outcome.version()))
                .body(new CommandResponse(outcome.negotiationId(), outcome.version(), outcome.position(),
                        outcome.appended()));
    }
}
