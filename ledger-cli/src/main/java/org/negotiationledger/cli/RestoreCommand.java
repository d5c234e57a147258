package org.negotiationledger.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Stores an export in an empty ledger, all of it or nothing. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stores an export in an empty ledger (an admin's): all of it, only when it is whole and "
                + "every negotiation's hash chain verifies, or nothing.")
final class RestoreCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(paramLabel = "FILE", description = "an export, as the export command wrote it")
    private Path file;

    @Mixin
    private LedgerOptions ledgerOptions;

    RestoreCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        Ledger ledger = ledgerOptions.connect(context);
        HttpResponse<String> response = ledger.send(ledger.request("/api/restore")
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofFile(file)),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw Answers.refused("restore", response.statusCode(), response.body());
        }
        context.out().println(Answers.read(response.body()).path("events").asText("?") + " events restored from "
                + file + "; every negotiation's hash chain verifies");
        return LedgerCli.DONE;
    }
}
