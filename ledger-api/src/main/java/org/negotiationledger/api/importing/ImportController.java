package org.negotiationledger.api.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.problems.ProblemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Bulk import: a stream of JSON Lines, one command a line, recorded as it arrives and answered
 * line by line, then with a summary. The file is never held: it is read a line at a time.
 */
@RestController
@Tag(name = "Import", description = "Many commands at once, as JSON Lines")
class ImportController {

    static final String NDJSON = "application/x-ndjson";

    private final CommandImporter importer;
    private final ObjectMapper json;

    ImportController(CommandImporter importer, ObjectMapper json) {
        this.importer = importer;
        this.json = json;
    }

    @PostMapping(path = "/api/import", consumes = NDJSON, produces = NDJSON)
    @Operation(summary = "Import commands from JSON Lines",
            description = "Each line is {\"path\": the path of a command POST, \"body\": its body}. The answer "
                    + "streams one line per command (ACCEPTED, REPEATED or REFUSED with its problem), then "
                    + "{\"summary\":…}. onError=stop (the default) ends at the first refused line; continue goes "
                    + "on. report=refused answers only refused lines and the summary. Importing a file again "
                    + "changes nothing.")
    void importLines(@RequestParam(defaultValue = "stop") String onError,
                     @RequestParam(defaultValue = "all") String report,
                     CommandMetadata context, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!onError.equals("stop") && !onError.equals("continue")) {
            throw ProblemException.invalidParameter("onError", "must be stop or continue");
        }
        if (!report.equals("all") && !report.equals("refused")) {
            throw ProblemException.invalidParameter("report", "must be all or refused");
        }
        boolean onlyRefused = report.equals("refused");
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        ImportSummary summary = importer.run(request.getInputStream(), onError.equals("stop"), context.recordedBy(),
                context.correlationId(), result -> {
                    if (!onlyRefused || result.status() == ImportResult.Status.REFUSED) {
                        write(out, result);
                    }
                });
        write(out, new ImportSummary.Line(summary));
    }

    private void write(OutputStream out, Object line) {
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away during the import", e);
        }
    }
}
