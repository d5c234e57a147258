package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiationledger.client.ApiClient;
import org.negotiationledger.client.ApiException;
import org.negotiationledger.client.api.BackupApi;
import org.negotiationledger.client.api.CommandsApi;
import org.negotiationledger.client.api.EventsApi;
import org.negotiationledger.client.api.ImportApi;
import org.negotiationledger.client.api.IntegrityApi;
import org.negotiationledger.client.api.PositionsApi;
import org.negotiationledger.client.model.AddTopicRequest;
import org.negotiationledger.client.model.CommandResponse;
import org.negotiationledger.client.model.OpenNegotiationRequest;
import org.negotiationledger.client.model.Position;
import org.negotiationledger.client.model.PositionMatrix;
import org.negotiationledger.client.model.RecordStatementRequest;
import org.negotiationledger.client.model.RegisterPartyRequest;
import org.negotiationledger.client.model.Restored;
import org.negotiationledger.client.model.Verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java client that ledger-client generates from docs/openapi.json (openapi-generator, its
 * native library) speaks to a running ledger as a user's code would: it opens a negotiation,
 * registers its parties and topic, records a statement, reads it back in the matrix at the
 * command's position (and as CSV, from its own operation), verifies the chain, imports JSON Lines (sent as text; the answer, declared
 * binary, comes as a file), downloads the export and the verification of every negotiation as
 * files, reads the event stream up to the end of its catch-up, gets a refusal as an exception with the problem, and restores the export into an empty
 * ledger with the same head hash.
 */
class GeneratedClientTest {

    private static final String N = "client-walk";

    @Test
    void aGeneratedClientRecordsReadsAndVerifies(@TempDir Path dir) throws ApiException, IOException {
        try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dir.toString()))) {
            ApiClient client = client(node, LedgerNode.RECORDER);
            CommandsApi commands = new CommandsApi(client);

            commands.openNegotiation(new OpenNegotiationRequest().id(N).title("Talks through a generated client")
                    .openedOn(LocalDate.of(2025, 5, 16)), null, null);
            commands.registerParty(N, new RegisterPartyRequest().id("ua").name("Ukraine")
                    .role(RegisterPartyRequest.RoleEnum.PARTY), null, null);
            commands.addTopic(N, new AddTopicRequest().id("ceasefire").title("Ceasefire"), null, null);
            CommandResponse recorded = commands.recordStatement(N, new RecordStatementRequest().id("s-1")
                    .partyId("ua").topicId("ceasefire").stance(RecordStatementRequest.StanceEnum.SUPPORTS)
                    .summary("Supports a ceasefire of 30 days").effectiveOn(LocalDate.of(2025, 5, 16)), "walk-1", null);
            assertThat(recorded.getRecorded()).isTrue();
            assertThat(recorded.getVersion()).as("four events: the opening, the party, the topic, the statement").isEqualTo(4);

            PositionMatrix matrix = new PositionsApi(client).positions(N, null, null, null, null, null,
                    recorded.getPosition(), null, null);
            assertThat(matrix.getPositions()).singleElement().satisfies(position -> {
                assertThat(position.getStatementId()).isEqualTo("s-1");
                assertThat(position.getStance()).isEqualTo(Position.StanceEnum.SUPPORTS);
                assertThat(position.getEffectiveOn()).isEqualTo(LocalDate.of(2025, 5, 16));
            });

            // The matrix as CSV, from its own operation: a file, the same as ?format=csv gives.
            Path csv = new PositionsApi(client).positionsCsv(N, null, null, null, null, null, recorded.getPosition(),
                    null).toPath();
            assertThat(Files.readString(csv)).isEqualTo(node.get("/api/negotiations/" + N + "/positions?format=csv")
                    .body()).contains("s-1");

            Verification verification = new IntegrityApi(client).verify(N, null, null);
            assertThat(verification.getIntact()).isTrue();
            assertThat(verification.getEvents()).isEqualTo(4);

            // A JSON Lines body goes as text: an import of two lines, one of them refused.
            String lines = """
                    {"path":"/api/negotiations/client-walk/topics","body":{"id":"prisoners","title":"Prisoners"}}
                    {"path":"/api/negotiations/client-walk/topics","body":{"id":"prisoners","title":"Again"}}
                    """;
            List<String> imported = Files.readAllLines(new ImportApi(client).importLines(lines, "continue", "all")
                    .toPath());
            assertThat(imported).hasSize(3);
            assertThat(imported.get(0)).contains("\"status\":\"ACCEPTED\"");
            assertThat(imported.get(1)).contains("\"status\":\"REFUSED\"");
            assertThat(imported.get(2)).contains("\"accepted\":1", "\"refused\":1");

            // JSON Lines answers come as files: the export and the verification of every negotiation.
            ApiClient admin = client(node, LedgerNode.ADMIN);
            Path exported = new BackupApi(admin).export().toPath();
            List<String> export = Files.readAllLines(exported);
            assertThat(export).hasSize(6);
            assertThat(export.get(5)).startsWith("{\"trailer\":");
            List<String> verified = Files.readAllLines(new IntegrityApi(admin).verifyAll().toPath());
            assertThat(verified).hasSize(2);
            assertThat(verified.get(0)).contains("\"negotiationId\":\"" + N + "\"", "\"intact\":true");
            assertThat(verified.get(1)).contains("\"broken\":0");

            // The event stream, read to the end of the catch-up: every event, then the caught-up line.
            List<String> stream = Files.readAllLines(new EventsApi(client).events("0", N, null, true, null, null)
                    .toPath());
            assertThat(stream).hasSize(export.size());
            assertThat(stream.get(0)).contains("\"type\":\"NegotiationOpened\"");
            assertThat(stream.get(stream.size() - 1)).contains("\"caughtUp\":true");

            assertThatThrownBy(() -> commands.registerParty(N, new RegisterPartyRequest().id("ua").name("Ukraine again")
                    .role(RegisterPartyRequest.RoleEnum.PARTY), null, null))
                    .isInstanceOfSatisfying(ApiException.class, refused -> {
                        assertThat(refused.getCode()).isEqualTo(409);
                        assertThat(refused.getResponseBody()).contains("\"type\":\"/problems/", "ua");
                    });

            try (LedgerNode empty = LedgerNode.start(Map.of("ledger.data-dir", dir.resolve("second").toString()))) {
                Restored restored = new BackupApi(client(empty, LedgerNode.ADMIN)).restore(Files.readString(exported));
                assertThat(restored.getEvents()).isEqualTo(5);
                assertThat(restored.getHeads()).containsEntry(N, verifiedHead(new IntegrityApi(client)));
            }
        }
    }

    /** A generated client of the node, speaking as the user with the user's password. */
    private static ApiClient client(LedgerNode node, String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(node.url());
        String credentials = user + ":" + LedgerNode.password(user);
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        return client;
    }

    private static String verifiedHead(IntegrityApi integrity) throws ApiException {
        return integrity.verify(N, null, null).getHeadHash();
    }
}
