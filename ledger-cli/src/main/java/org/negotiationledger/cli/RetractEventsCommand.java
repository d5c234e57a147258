package org.negotiationledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Callable;

/** Takes an import of event data back out: every record of its batch retracted, with the reason. */
@Command(name = "retract-events", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Retracts every record of the event-data import BATCH, with the reason; the records stay in "
                + "the history, struck out.")
final class RetractEventsCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(paramLabel = "BATCH", description = "the batch's id (ed-…, from the import's report)")
    private String batch;

    @Option(names = "--negotiation", required = true, paramLabel = "ID", description = "the negotiation of the batch")
    private String negotiation;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, in words")
    private String reason;

    @Mixin
    private LedgerOptions ledgerOptions;

    RetractEventsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String path = "/api/negotiations/" + Ids.checked(negotiation) + "/event-data/batches/" + Ids.checked(batch)
                + "/retraction";
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--reason must say why, in words");
        }
        Ledger ledger = ledgerOptions.connect(context);
        HttpResponse<String> response = ledger.send(ledger.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Answers.JSON.writeValueAsString(Map.of("reason", reason)))),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw Answers.refused("retraction", response.statusCode(), response.body());
        }
        JsonNode answer = Answers.read(response.body());
        context.out().println("batch " + batch + ": " + answer.path("records").asText("?") + " records, "
                + answer.path("retracted").asText("?") + " retracted now, " + answer.path("already").asText("?")
                + " retracted before");
        return answer.path("refused").isEmpty() ? LedgerCli.DONE : LedgerCli.SOME_REFUSED;
    }
}
