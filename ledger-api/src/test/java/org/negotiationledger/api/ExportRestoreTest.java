package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiationledger.cli.LedgerCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger moves from the embedded H2 to PostgreSQL: exported whole, restored into an empty
 * ledger, it has the same hash chains and gives the same answers from every view. A restore into
 * a ledger that holds events, or of an export whose chain does not verify, stores nothing.
 */
class ExportRestoreTest {

    private static final String N = "/api/negotiations/ru-ua-2025";
    private static final List<String> READS = List.of("/api/negotiations", N, N + "/positions",
            N + "/positions?asOf=2025-05-20", N + "/positions/ru/leaders-meeting/history", N + "/meetings",
            N + "/exchanges", N + "/outcomes", N + "/changes?from=2025-05-20");

    @Test
    void aLedgerMovesFromH2ToPostgresWithItsChainsAndItsAnswers(@TempDir Path dataDir) throws IOException {
        try (LedgerNode embedded = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()));
             LedgerNode postgres = LedgerNode.start(TestDatabase.freshSchema("ledger_restore_it"))) {
            JsonNode imported = embedded.importLines("?report=refused", IstanbulExampleTest.example()).json();
            assertThat(imported.at("/summary/refused").asInt()).isZero();
            embedded.awaitViews();
            LedgerNode.Response export = embedded.get("/api/export");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
            assertThat(export.body().lines().count()).isEqualTo(embedded.eventCount());

            String tampered = export.body().replaceFirst("Istanbul", "Ankara");
            LedgerNode.Response broken = restore(postgres, tampered);
            assertThat(broken.status()).as(broken.body()).isEqualTo(409);
            assertThat(broken.json().get("type").asText()).isEqualTo("/problems/chain-broken");
            assertThat(postgres.eventCount()).isZero();

            // With the command line, as the README shows it.
            Path file = dataDir.resolve("ledger-export.jsonl");
            assertThat(cli("export", file, embedded)).isZero();
            assertThat(Files.readString(file)).isEqualTo(export.body());
            assertThat(cli("restore", file, postgres)).isZero();
            postgres.awaitViews();
            assertThat(postgres.eventCount()).isEqualTo(embedded.eventCount());

            JsonNode before = embedded.get(N + "/verify").json();
            JsonNode after = postgres.get(N + "/verify").json();
            assertThat(after.get("intact").asBoolean()).isTrue();
            assertThat(after.get("headHash").asText()).isEqualTo(before.get("headHash").asText());
            for (String read : READS) {
                assertThat(postgres.get(read).json()).as(read).isEqualTo(embedded.get(read).json());
            }

            LedgerNode.Response again = restore(postgres, export.body());
            assertThat(cli("restore", file, postgres)).isEqualTo(2);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("detail").asText()).contains("already holds events");
            assertThat(postgres.as(LedgerNode.RECORDER).get("/api/export").status()).isEqualTo(403);
        }
    }

    private static int cli(String command, Path file, LedgerNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return new LedgerCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                StandardCharsets.UTF_8), Map.of("LEDGER_PASSWORD", "root-password"))
                .run(command, file.toString(), "--url", node.url(), "--user", LedgerNode.ADMIN);
    }

    private static LedgerNode.Response restore(LedgerNode node, String export) {
        return node.post("/api/restore", HttpRequest.BodyPublishers.ofString(export), "Content-Type",
                "application/x-ndjson");
    }
}
