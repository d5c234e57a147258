package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiationledger.cli.LedgerCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
            assertThat(export.body().lines().count()).as("every event, and the trailer")
                    .isEqualTo(embedded.eventCount() + 1);

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

    /**
     * A restore takes the whole export or nothing: an export that lost a negotiation, its last
     * event or its trailer, or whose trailer, hash or event ids were changed, is refused with a
     * problem and leaves the ledger empty, with no position used up. What it restores keeps the
     * global positions, so a stream cursor and an audit page token of the old ledger go on here.
     */
    @Test
    void aRestoreTakesTheWholeExportOrNothingAndKeepsThePositions(@TempDir Path dataDir) throws IOException {
        try (LedgerNode old = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()));
             LedgerNode fresh = LedgerNode.start(TestDatabase.freshSchema("ledger_restore_whole_it"))) {
            old.importLines("", IstanbulExampleTest.example());
            old.post("/api/negotiations", """
                    {"id":"second","title":"Second","openedOn":"2025-05-16"}""");
            old.awaitViews();
            String export = old.get("/api/export").body();
            List<String> lines = export.lines().toList();
            String trailer = lines.get(lines.size() - 1);
            List<String> events = lines.subList(0, lines.size() - 1);
            assertThat(trailer).startsWith("{\"trailer\":{\"events\":" + events.size() + ",");

            Map<String, String> spoilt = new LinkedHashMap<>();
            spoilt.put("a negotiation removed", String.join("\n", events.stream()
                    .filter(line -> !line.contains("\"negotiationId\":\"second\"")).toList()) + "\n" + trailer);
            spoilt.put("the last event removed", String.join("\n", events.subList(0, events.size() - 1)) + "\n"
                    + trailer);
            spoilt.put("the trailer removed", String.join("\n", events) + "\n");
            spoilt.put("the trailer changed", String.join("\n", events) + "\n"
                    + trailer.replace("\"events\":" + events.size(), "\"events\":" + (events.size() + 1)));
            spoilt.put("a zeroed hash", export.replaceFirst("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + "0".repeat(64)
                    + "\""));
            String firstId = JSON_ID.matcher(events.get(0)).results().findFirst().orElseThrow().group(1);
            String secondId = JSON_ID.matcher(events.get(1)).results().findFirst().orElseThrow().group(1);
            spoilt.put("an event id twice", export.replace(secondId, firstId));
            spoilt.put("a line after the trailer", export + events.get(0) + "\n");
            for (Map.Entry<String, String> file : spoilt.entrySet()) {
                LedgerNode.Response answer = restore(fresh, file.getValue());
                assertThat(answer.status()).as(file.getKey() + ": " + answer.body()).isBetween(400, 409);
                assertThat(answer.json().get("detail").asText()).as(file.getKey()).endsWith("nothing was restored");
                assertThat(fresh.eventCount()).as(file.getKey()).isZero();
            }

            JsonNode oldPage = old.get(N + "/audit?limit=5").json();
            String next = oldPage.get("next").asText();
            long cursor = oldPage.get("entries").get(4).get("position").asLong();

            LedgerNode.Response restored = restore(fresh, export);
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
            assertThat(restored.json().get("events").asLong()).isEqualTo(events.size());
            fresh.awaitViews();
            assertThat(fresh.jdbc().queryForList("SELECT globalindex FROM domainevententry ORDER BY globalindex",
                    Long.class)).isEqualTo(old.jdbc().queryForList("SELECT globalindex FROM domainevententry "
                    + "ORDER BY globalindex", Long.class));
            assertThat(fresh.get(next).json()).as("an audit page token of the old ledger")
                    .isEqualTo(old.get(next).json());
            assertThat(firstStreamed(fresh, cursor)).as("the event after a stream cursor of the old ledger")
                    .isEqualTo(firstStreamed(old, cursor));
            LedgerNode.Response appended = fresh.post("/api/negotiations", """
                    {"id":"third","title":"Third","openedOn":"2025-05-16"}""");
            assertThat(appended.json().get("position").asLong()).as("the next event follows the restored ones")
                    .isGreaterThan(old.jdbc().queryForObject("SELECT MAX(globalindex) FROM domainevententry",
                            Long.class));
        }
    }

    private static final Pattern JSON_ID = Pattern.compile(
            "\"eventId\":\"([^\"]+)\"");

    /** The id of the first event the stream sends after {@code cursor}. */
    private static String firstStreamed(LedgerNode node, long cursor) {
        try {
            HttpResponse<Stream<String>> stream = HttpClient
                    .newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url()
                                    + "/api/events?after=" + cursor))
                            .header("Accept", "application/x-ndjson")
                            .header("Authorization", node.authorization()).build(),
                    HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = stream.body()) {
                return lines.findFirst().map(line -> JSON_ID.matcher(line).results().findFirst().orElseThrow()
                        .group(1)).orElseThrow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
