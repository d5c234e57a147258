package org.negotiationledger.api.importing.eventdata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.core.api.Values;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Event data (GDELT 1.0 and 2.0, ICEWS) into a negotiation, by a mapping; and a batch taken back out. */
@RestController
@Tag(name = "Event data", description = "Machine-coded event data (GDELT, ICEWS) imported by a mapping")
class EventDataController {

    private final EventDataImports imports;
    private final EventBatches batches;

    EventDataController(EventDataImports imports, EventBatches batches) {
        this.imports = imports;
        this.batches = batches;
    }

    @PostMapping(path = "/api/negotiations/{negotiationId}/event-data", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a file of event data into the negotiation", description = """
            dataset names the file's format: gdelt1, gdelt2 or icews. A multipart form: file (the GDELT \
            1.0, GDELT 2.0 or ICEWS file, plain, .zip or .gz) and, \
            optionally, mapping (a JSON mapping of actors to parties and CAMEO codes to topics and \
            stances; without it the shipped mapping is used, GET /api/event-data/mapping). Rows that \
            report one event (same day, parties and code) become one record. The answer reports the \
            batch's id, the rows used and skipped (by reason), the records by kind, party, topic and \
            stance, and, unless dryRun=true, what was recorded, repeated or refused. The same file \
            imported again is the same batch and records nothing new; records of it that were \
            retracted stay retracted (the answer counts them), unless restore=true, which records a \
            batch retracted whole again as a new batch (its id ends -r1, -r2 …).""")
    EventDataReport importEvents(@PathVariable String negotiationId, @RequestParam String dataset,
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestParam(defaultValue = "false") boolean restore,
                                 @RequestPart("file") MultipartFile file,
                                 @RequestPart(name = "mapping", required = false) MultipartFile mapping,
                                 CommandMetadata context, HttpServletRequest request)
            throws IOException, ServletException {
        requireParts(request.getParts());
        EventFormat named = EventFormat.named(dataset, "dataset");
        try (InputStream rows = file.getInputStream();
             InputStream rules = mapping == null ? null : mapping.getInputStream()) {
            return imports.run(negotiationId, named, rows, rules, dryRun, restore, context);
        }
    }

    /** The form holds one file, at most one mapping, and nothing else: a part that would be ignored is refused. */
    private static void requireParts(Collection<Part> parts) {
        Map<String, Long> counts = parts.stream().collect(Collectors.groupingBy(Part::getName, Collectors.counting()));
        counts.forEach((name, count) -> {
            if (!name.equals("file") && !name.equals("mapping")) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the form has a part '" + name + "'; it "
                        + "takes a part 'file' and, optionally, a part 'mapping'").with("field", name);
            }
            if (count > 1) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the form has " + count + " parts '" + name
                        + "'; one import takes one").with("field", name);
            }
        });
    }

    /** Why a batch is taken back. */
    record RetractionRequest(@NotBlank @Size(max = Values.TEXT) String reason) {
    }

    @PostMapping(path = "/api/negotiations/{negotiationId}/event-data/batches/{batchId}/retraction",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retract every record of an event-data batch", description = """
            Retracts each statement, outcome and meeting the batch recorded that is not retracted yet, with the \
            reason; they stay in the history as retracted. Asking again retracts nothing more.""")
    EventBatches.Retraction retractBatch(@PathVariable String negotiationId, @PathVariable String batchId,
                                         @Valid @RequestBody RetractionRequest request, CommandMetadata context)
            throws IOException {
        return batches.retract(negotiationId, batchId, request.reason(), context);
    }

    @GetMapping(path = "/api/event-data/mapping", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The shipped mapping, to copy and edit", description = """
            Parties of the Russia–Ukraine talks, one topic, and a rule for every CAMEO code. A mapping \
            sent with an import names its parties; its topics and codes are laid over these.""")
    ResponseEntity<Resource> shippedMapping() {
        return ResponseEntity.ok(new ClassPathResource(EventMappings.DEFAULT, EventMappings.class));
    }
}
