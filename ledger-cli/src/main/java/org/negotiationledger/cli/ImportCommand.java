package org.negotiationledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Streams a JSON Lines file of commands to /api/import, showing progress by the lines answered. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Records the commands of FILE in a running ledger, one line after the other. Each refused "
                + "line is printed with its reason as it comes; a line already recorded is a repeat, so importing "
                + "again changes nothing.",
                "FILE holds one command a line: {\"path\":\"/api/negotiations/…\",\"body\":{…}} "
                        + "(docs/import.md)."})
final class ImportCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(paramLabel = "FILE", description = "the JSON Lines file of commands")
    private Path file;

    @Option(names = "--on-error", paramLabel = "stop|continue", defaultValue = "stop",
            description = "stop at the first refused line (the default) or continue with the others")
    private String onError;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOptions ledgerOptions;

    @Mixin
    private ProgressOptions progressOptions;

    ImportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!onError.equals("stop") && !onError.equals("continue")) {
            throw new ParameterException(spec.commandLine(), "--on-error must be stop or continue, not '" + onError
                    + "'");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        long total = countLines(file);
        Ledger ledger = ledgerOptions.connect(context);
        AtomicLong answered = new AtomicLong();
        long started = System.nanoTime();
        ProgressLine progress = progressOptions.line(context);
        ScheduledExecutorService ticker = ProgressOptions.every250Ms(() -> progress.show(Progress.line(answered.get(),
                total, Duration.ofNanos(System.nanoTime() - started))));
        JsonNode summary = null;
        int refused = 0;
        try {
            HttpRequest.Builder request = ledger.request("/api/import?report=all&onError=" + onError)
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofFile(file));
            HttpResponse<Stream<String>> response = ledger.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw Answers.refused("import", response.statusCode(), String.join("\n", response.body().toList()));
            }
            for (String text : (Iterable<String>) response.body()::iterator) {
                JsonNode line = Answers.read(text);
                if (line.has("summary")) {
                    summary = line.get("summary");
                } else if (!text.isBlank()) {
                    answered.incrementAndGet();
                    if ("REFUSED".equals(line.path("status").asText())) {
                        refused++;
                        progress.print("line " + line.path("line").asText("?") + " refused: "
                                + line.at("/problem/detail").asText(text));
                    }
                }
            }
        } finally {
            ProgressOptions.stop(ticker);
        }
        progress.finish(Progress.line(answered.get(), total, Duration.ofNanos(System.nanoTime() - started)));
        if (summary == null) {
            throw new IOException("the ledger ended the answer without a summary");
        }
        context.out().println(summary.path("lines").asText("?") + " lines: " + summary.path("accepted").asText("?")
                + " recorded, " + summary.path("repeated").asText("?") + " already there, "
                + summary.path("refused").asText("?") + " refused"
                + (summary.path("stoppedAt").isNull() ? "" : "; stopped at line " + summary.path("stoppedAt")));
        return refused == 0 ? LedgerCli.DONE : LedgerCli.SOME_REFUSED;
    }

    static long countLines(Path file) throws IOException {
        long lines = 0;
        boolean content = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (buffer[i] != '\r' && buffer[i] != ' ') {
                        content = true;
                    }
                }
            }
        }
        return lines + (content ? 1 : 0);
    }
}
