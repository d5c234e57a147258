package org.negotiationledger.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** Sends a file of event data with its mapping, showing the upload's progress, and prints the ledger's report. */
@Command(name = "import-events", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Records what MAPPING makes of the rows of event data in FILE (plain, .zip or .gz) in a "
                + "negotiation, and prints the ledger's report: the batch's id, what was recorded, what was "
                + "refused and why (docs/event-data.md).")
final class ImportEventsCommand implements Callable<Integer> {

    /** The datasets the ledger reads. */
    enum Dataset { gdelt1, gdelt2, icews }

    private final Context context;

    @Parameters(paramLabel = "FILE", description = "the rows of event data")
    private Path file;

    @Option(names = "--format", required = true, paramLabel = "gdelt1|gdelt2|icews",
            description = "the dataset FILE comes from: ${COMPLETION-CANDIDATES}")
    private Dataset format;

    @Option(names = "--negotiation", required = true, paramLabel = "ID",
            description = "the negotiation the records go to")
    private String negotiation;

    @Option(names = "--mapping", paramLabel = "MAPPING",
            description = "the mapping (JSON) from the dataset's actors to the negotiation's parties; the shipped "
                    + "one without it")
    private Path mapping;

    @Option(names = "--dry-run", description = "only report what the import would record")
    private boolean dryRun;

    @Option(names = "--restore", description = "record again, as a new batch, a batch that was retracted whole")
    private boolean restore;

    @Mixin
    private LedgerOptions ledgerOptions;

    @Mixin
    private ProgressOptions progressOptions;

    ImportEventsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        for (Path readable : mapping == null ? List.of(file) : List.of(file, mapping)) {
            if (!Files.isReadable(readable)) {
                throw new IOException("cannot read " + readable);
            }
        }
        Ledger ledger = ledgerOptions.connect(context);
        Form form = new Form();
        form.file("file", file);
        if (mapping != null) {
            form.file("mapping", mapping);
        }
        long total = form.size();
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();
        ProgressLine progress = progressOptions.line(context);
        ScheduledExecutorService ticker = ProgressOptions.every250Ms(() -> progress.show(sent.get() < total
                ? Progress.bytes(sent.get(), total, Duration.ofNanos(System.nanoTime() - started))
                : "sent; the ledger is reading and recording the rows …"));
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = ledger.request("/api/negotiations/" + Ids.checked(negotiation)
                            + "/event-data?dataset=" + format + "&dryRun=" + dryRun + "&restore=" + restore)
                    .header("Content-Type", "multipart/form-data; boundary=" + form.boundary())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> form.stream(sent)));
            response = ledger.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            ProgressOptions.stop(ticker);
        }
        progress.finish(Progress.bytes(total, total, Duration.ofNanos(System.nanoTime() - started)));
        if (response.statusCode() != 200) {
            throw Answers.refused("import", response.statusCode(), response.body());
        }
        context.out().println(Answers.indented(response.body()));
        return Answers.read(response.body()).path("refused").isEmpty() ? LedgerCli.DONE : LedgerCli.SOME_REFUSED;
    }
}
