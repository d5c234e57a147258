package org.negotiationledger.api.importing;

import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.commands.CommandOutcome;
import org.negotiationledger.api.commands.CommandSender;
import org.negotiationledger.api.http.CommandLines;
import org.negotiationledger.api.http.ProblemException;
import org.negotiationledger.api.http.ProblemType;
import org.negotiationledger.api.http.Problems;
import org.negotiationledger.core.api.NegotiationCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Records the commands of a JSON Lines stream one line after the other, as it arrives: each
 * line is its own command and transaction, accepted, repeated or refused, and reported at once.
 */
@Service
class CommandImporter {

    /** The longest line read: as large as the largest body the HTTP API takes. */
    static final int LINE_LIMIT = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CommandImporter.class);

    private final CommandLines lines;
    private final CommandSender commands;
    private final Clock clock;

    CommandImporter(CommandLines lines, CommandSender commands, Clock clock) {
        this.lines = lines;
        this.commands = commands;
        this.clock = clock;
    }

    ImportSummary run(InputStream in, boolean stopOnError, String recordedBy, String correlationId,
                      Consumer<ImportResult> report) throws IOException {
        LineReader reader = new LineReader(new BufferedInputStream(in), LINE_LIMIT);
        long number = 0;
        long read = 0;
        long accepted = 0;
        long repeated = 0;
        long refused = 0;
        for (String line = reader.next(); line != null; line = reader.next()) {
            number++;
            if (line.isBlank()) {
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
            report.accept(result);
            if (result.status() == ImportResult.Status.REFUSED && stopOnError) {
                return new ImportSummary(read, accepted, repeated, refused, number);
            }
        }
        return new ImportSummary(read, accepted, repeated, refused, null);
    }

    private ImportResult record(long number, String line, CommandMetadata metadata) {
        try {
            if (LineReader.TOO_LONG.equals(line)) {
                throw new ProblemException(ProblemType.BODY_TOO_LARGE, "the line is longer than the limit of "
                        + LINE_LIMIT + " bytes");
            }
            NegotiationCommand command = lines.read(line, clock.instant());
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
