package org.negotiationledger.api.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;

/** A whole ledger out as one file, and such a file into an empty ledger, on either database. */
@RestController
@Tag(name = "Backup", description = "Export every stored event; restore an export into an empty ledger")
class BackupController {

    static final String NDJSON = "application/x-ndjson";

    private final LedgerBackup backup;

    BackupController(LedgerBackup backup) {
        this.backup = backup;
    }

    @GetMapping(value = "/api/export", produces = NDJSON)
    @Operation(summary = "Export every stored event, as stored, in the store's order (admins)", description = """
            One JSON line per event: global position, negotiation, sequence, event id, type, revision, \
            recording time, hash, metadata and payload as stored (and, for events sealed in the first hash \
            form, firstForm with the effective date that seal covers); then a trailer line {"trailer":…} \
            with the number of events, each negotiation's count and head hash, and the SHA-256 of every \
            line before it. docs/integrity.md specifies the hashes, so anyone can check an export. Restored into an empty ledger, on either database, it gives the same hash chains, \
            the same positions and the same answers from every view.""")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .header("Content-Disposition", "attachment; filename=\"ledger-export.jsonl\"")
                .body(backup::export);
    }

    @PostMapping(value = "/api/restore", consumes = NDJSON, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restore an export into this ledger, which must be empty (admins)", description = """
            All or nothing: every line is checked (values any record may hold, positions rising, no \
            event twice), every negotiation's hash chain verified and the trailer checked (no \
            negotiation, event or line missing or changed) before anything is kept; a refused restore \
            uses up no position. The events keep their global positions, so cursors, audit page links \
            and waitFor values of the old ledger mean the same here. Answers how many events were \
            restored and each negotiation's head hash, as GET …/verify gives it. The views rebuild \
            from the restored events by themselves.""")
    LedgerBackup.Restored restore(HttpServletRequest request) throws IOException {
        return backup.restore(request.getInputStream());
    }
}
