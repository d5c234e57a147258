package org.negotiationledger.api.importing;

import io.micrometer.core.instrument.MeterRegistry;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.commands.CommandOutcome;
import org.negotiationledger.api.commands.CommandReader;
import org.negotiationledger.api.commands.CommandSender;
import org.negotiationledger.api.problems.Limits;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.problems.Problems;
import org.negotiationledger.core.api.NegotiationCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Records the commands of a JSON Lines stream one line after the other, as it arrives: each
 * line is its own command and transaction, accepted, repeated or refused, and reported at once.
 */
@Service
class CommandImporter {

    /** The longest line read: as large as the largest body the HTTP API takes. */
    static final int LINE_LIMIT = Limits.BODY_BYTES;

    private static final Logger log = LoggerFactory.getLogger(CommandImporter.class);

    private final CommandReader lines;
    private final CommandSender commands;
    private final Clock clock;
    private final MeterRegistry meters;

    CommandImporter(CommandReader lines, CommandSender commands, Clock clock, MeterRegistry meters) {
        this.lines = lines;
        this.commands = commands;
        this.clock = clock;
        this.meters = meters;
    }

    ImportSummary run(InputStream in, boolean stopOnError, String recordedBy, String correlationId,
                      Consumer<ImportResult> report) throws IOException {
        LineReader reader = new LineReader(new BufferedInputStream(in), LINE_LIMIT);
        long number = 0;
        long read = 0;
        long accepted = 0;
        long repeated = 0;
        long refused = 0;
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            number++;
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            read++;
            ImportResult result = record(number, line, new CommandMetadata(recordedBy,
                    correlationId + "#" + number, null));
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case REPEATED -> repeated++;
                case REFUSED -> refused++;
            }
            meters.counter("ledger.import.lines", "status", result.status().name().toLowerCase(Locale.ROOT))
                    .increment();
            report.accept(result);
            if (result.status() == ImportResult.Status.REFUSED && stopOnError) {
                return logged(new ImportSummary(read, accepted, repeated, refused, number));
            }
        }
        return logged(new ImportSummary(read, accepted, repeated, refused, null));
    }

    private static ImportSummary logged(ImportSummary summary) {
        log.info("Imported {} lines: {} recorded, {} already there, {} refused{}", summary.lines(),
                summary.accepted(), summary.repeated(), summary.refused(),
                summary.stoppedAt() == null ? "" : "; stopped at line " + summary.stoppedAt());
        return summary;
    }

    private ImportResult record(long number, LineReader.Line line, CommandMetadata metadata) {
        try {
            if (line.problem() == LineReader.Problem.TOO_LONG) {
                throw new ProblemException(ProblemType.BODY_TOO_LARGE, "the line is longer than the limit of "
                        + LINE_LIMIT + " bytes");
            }
            if (line.problem() == LineReader.Problem.NOT_UTF8) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the line is not valid UTF-8");
            }
            NegotiationCommand command = lines.read(line.text(), clock.instant());
            CommandOutcome outcome = commands.send(command, metadata);
            return new ImportResult(number, outcome.appended() ? ImportResult.Status.ACCEPTED
                    : ImportResult.Status.REPEATED, outcome.negotiationId(), outcome.version(), outcome.position(),
                    null);
        } catch (Exception refused) {
            ProblemDetail problem = Problems.of(refused);
            if (problem.getStatus() >= 500) {
                log.error("Import line {} failed unexpectedly", number, refused);
            }
            return new ImportResult(number, ImportResult.Status.REFUSED, null, null, null, problem);
        }
    }
}
