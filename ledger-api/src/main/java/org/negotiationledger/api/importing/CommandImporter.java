package org.negotiationledger.api.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.commands.CommandOutcome;
import org.negotiationledger.api.commands.CommandReader;
import org.negotiationledger.api.commands.CommandSender;
import org.negotiationledger.api.problems.Limits;
import org.negotiationledger.api.problems.LineReader;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.problems.Problems;
import org.negotiationledger.api.problems.StorageFailures;
import org.negotiationledger.core.api.NegotiationCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records the commands of a JSON Lines stream in groups, as they arrive: the lines of a group
 * (up to {@code ledger.import.group-size} lines, or 4 MiB of them, read before the group begins)
 * are checked and applied one after the other and stored together in one transaction; each line
 * is still accepted, repeated or refused on its own, and its answer is sent once its group is
 * stored. A refused line stores nothing and does not undo its neighbours. When a group cannot be
 * stored as a whole because another node appended to one of its negotiations meanwhile (or a
 * constraint of the store refused an event), nothing of it is, and its lines are recorded again
 * one transaction each, whose answers are then exact whatever happened. When the database fails
 * under a group, each of its lines is answered as a command would be: not recorded, or, when the
 * failure came while the group was being stored, with an unknown outcome (resend; a repeat is
 * recognised).
 */
@Service
public class CommandImporter {

    /** The longest line read: as large as the largest body the HTTP API takes. */
    static final int LINE_LIMIT = Limits.BODY_BYTES;
    /** At most this much text is read ahead into one group. */
    private static final int GROUP_CHARS = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CommandImporter.class);

    private final CommandReader lines;
    private final CommandSender commands;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int groupSize;

    CommandImporter(CommandReader lines, CommandSender commands, Clock clock, MeterRegistry meters,
                    @Value("${ledger.import.group-size:500}") int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("ledger.import.group-size must be 1 or more, not " + groupSize);
        }
        this.lines = lines;
        this.commands = commands;
        this.clock = clock;
        this.meters = meters;
        this.groupSize = groupSize;
    }

    /**
     * One command to import, made when its turn comes: from a JSON Lines line, or from a request
     * the ledger built itself (event data).
     */
    @FunctionalInterface
    public interface Item {
        NegotiationCommand command(Instant recordedAt) throws Exception;
    }

    /** An item with its number (its line) and how much text it holds, for the size of a group. */
    private record Numbered(long number, Item item, long chars) {
    }

    /** Records the lines of a JSON Lines stream. */
    public ImportSummary run(InputStream in, boolean stopOnError, String recordedBy, String correlationId,
                             Consumer<ImportResult> report) throws IOException {
        LineReader reader = new LineReader(in, LINE_LIMIT);
        long[] number = {0};
        Source lines = () -> {
            for (LineReader.Line read = reader.next(); read != null; read = reader.next()) {
                number[0]++;
                LineReader.Line line = read;
                if (line.text() == null || !line.text().isBlank()) {
                    return new Numbered(number[0], recordedAt -> command(line, recordedAt),
                            line.text() == null ? 0 : line.text().length());
                }
            }
            return null;
        };
        return run(lines, stopOnError, recordedBy, correlationId, report);
    }

    /** Records {@code items}, numbered from 1 as lines would be, in the same groups as a stream's lines. */
    public ImportSummary run(List<Item> items, boolean stopOnError, String recordedBy, String correlationId,
                             Consumer<ImportResult> report) throws IOException {
        Iterator<Item> each = items.iterator();
        long[] number = {0};
        Source numbered = () -> each.hasNext() ? new Numbered(++number[0], each.next(), 0) : null;
        return run(numbered, stopOnError, recordedBy, correlationId, report);
    }

    /** Where the items come from, one at a time; null at the end. */
    private interface Source {
        Numbered next() throws IOException;
    }

    private ImportSummary run(Source source, boolean stopOnError, String recordedBy, String correlationId,
                              Consumer<ImportResult> report) throws IOException {
        long read = 0;
        long accepted = 0;
        long repeated = 0;
        long refused = 0;
        List<Numbered> group = new ArrayList<>();
        boolean more = true;
        while (more) {
            group.clear();
            long chars = 0;
            while (group.size() < groupSize && chars < GROUP_CHARS) {
                Numbered item = source.next();
                if (item == null) {
                    more = false;
                    break;
                }
                group.add(item);
                chars += item.chars();
            }
            for (ImportResult result : record(group, stopOnError, recordedBy, correlationId)) {
                read++;
                switch (result.status()) {
                    case ACCEPTED -> accepted++;
                    case REPEATED -> repeated++;
                    case REFUSED -> refused++;
                }
                Counter.builder("ledger.import.lines").description("Import lines by status: accepted, repeated, refused")
                        .tag("status", result.status().name().toLowerCase(Locale.ROOT)).register(meters).increment();
                report.accept(result);
                if (result.status() == ImportResult.Status.REFUSED && stopOnError) {
                    return logged(new ImportSummary(read, accepted, repeated, refused, result.line()));
                }
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

    /**
     * The answers to a group's lines, up to the first refused one when the import stops there.
     * The group is stored as a whole, or, when that fails, line by line.
     */
    private List<ImportResult> record(List<Numbered> group, boolean stopOnError, String recordedBy,
                                      String correlationId) {
        if (group.size() > 1) {
            try {
                List<Grouped> answers = commands.inOneTransaction(() -> {
                    List<Grouped> grouped = new ArrayList<>();
                    for (Numbered line : group) {
                        Grouped answer = recordInGroup(line, recordedBy, correlationId);
                        grouped.add(answer);
                        if (stopOnError && answer.refused() != null) {
                            break;
                        }
                    }
                    return grouped;
                });
                return answers.stream().map(Grouped::result).toList();
            } catch (RuntimeException groupFailed) {
                if (StorageFailures.isStorageFailure(groupFailed)) {
                    // Whether the group was stored may be unknown: say so of each line, as a command would.
                    return refusedAll(group, stopOnError, Problems.of(groupFailed));
                }
                log.info("A group of {} import lines from line {} could not be stored as one ({}); recording "
                        + "them one by one", group.size(), group.get(0).number(),
                        groupFailed.getClass().getSimpleName());
            }
        }
        List<ImportResult> results = new ArrayList<>();
        for (Numbered line : group) {
            ImportResult result = recordAlone(line, recordedBy, correlationId);
            results.add(result);
            if (stopOnError && result.status() == ImportResult.Status.REFUSED) {
                break;
            }
        }
        return results;
    }

    /** Every line of the group refused with {@code problem}; only the first when the import stops there. */
    private static List<ImportResult> refusedAll(List<Numbered> group, boolean stopOnError, ProblemDetail problem) {
        List<Numbered> answered = stopOnError ? group.subList(0, 1) : group;
        return answered.stream().map(line -> new ImportResult(line.number(), ImportResult.Status.REFUSED, null, null,
                null, problem)).toList();
    }

    /** A line of a group: refused at once, or accepted or repeated once the group is stored. */
    private record Grouped(Numbered line, ImportResult refused, Supplier<CommandOutcome> outcome) {

        ImportResult result() {
            return refused != null ? refused : answer(line, outcome.get());
        }
    }

    /**
     * One line inside a group. A failure that is no refusal of the line (the database, a conflict
     * with another node) ends the whole group.
     */
    private Grouped recordInGroup(Numbered line, String recordedBy, String correlationId) {
        try {
            return new Grouped(line, null, commands.sendInGroup(line.item().command(clock.instant()),
                    metadata(line, recordedBy, correlationId)));
        } catch (Exception e) {
            ProblemDetail problem = Problems.of(e);
            if (problem.getStatus() >= 500 || ProblemType.CONCURRENT_APPEND.type().equals(problem.getType())) {
                throw e instanceof RuntimeException failure ? failure : new IllegalStateException(e);
            }
            return new Grouped(line, new ImportResult(line.number(), ImportResult.Status.REFUSED, null, null, null,
                    problem), null);
        }
    }

    private ImportResult recordAlone(Numbered line, String recordedBy, String correlationId) {
        try {
            return answer(line, commands.send(line.item().command(clock.instant()),
                    metadata(line, recordedBy, correlationId)));
        } catch (Exception refused) {
            ProblemDetail problem = Problems.of(refused);
            if (problem.getStatus() >= 500) {
                log.error("Import line {} failed unexpectedly", line.number(), refused);
            }
            return new ImportResult(line.number(), ImportResult.Status.REFUSED, null, null, null, problem);
        }
    }

    private NegotiationCommand command(LineReader.Line line, Instant recordedAt) throws JsonProcessingException {
        if (line.problem() == LineReader.Problem.TOO_LONG) {
            throw new ProblemException(ProblemType.BODY_TOO_LARGE, "the line is longer than the limit of "
                    + LINE_LIMIT + " bytes");
        }
        if (line.problem() == LineReader.Problem.NOT_UTF8) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the line is not valid UTF-8");
        }
        return lines.read(line.text(), recordedAt);
    }

    private static CommandMetadata metadata(Numbered line, String recordedBy, String correlationId) {
        return new CommandMetadata(recordedBy, correlationId + "#" + line.number(), null);
    }

    private static ImportResult answer(Numbered line, CommandOutcome outcome) {
        return new ImportResult(line.number(), outcome.appended() ? ImportResult.Status.ACCEPTED
                : ImportResult.Status.REPEATED, outcome.negotiationId(), outcome.version(), outcome.position(), null);
    }
}
