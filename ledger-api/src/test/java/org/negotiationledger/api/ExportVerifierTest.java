package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/verify-export.py, a Python script written from docs/integrity.md alone, checks an export as
 * the ledger checks its store: on a ledger holding what the first release sealed (the first form)
 * and events sealed now (RFC 8785), it finds every chain intact with the heads GET /api/verify
 * names; a byte changed in an export, or in the store before the export, is found at the event
 * where it was changed, the same event /api/verify names.
 */
class ExportVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VERIFIER = Path.of("..", "docs", "verify-export.py").toAbsolutePath().normalize();
    private static final String RU_UA = "ru-ua-2025";
    private static final String WAGES = "wage-2024";

    /** A statement sealed now, with what canonical forms get wrong: quotes, a backslash, Cyrillic, 30 digits. */
    private static final String NEW_STATEMENT = """
            {"id":"umerov-sealed-now","partyId":"ua","delegateId":"umerov","topicId":"leaders-meeting",
             "stance":"PROPOSES","summary":"Умеров: \\"обмен 1000 на 1000\\" \\\\ a back-slash, and tabs\\tinside",
             "offer":{"value":12345678901234567890.1234567890,"unit":"prisoners"},"effectiveOn":"2025-06-27"}""";

    @Test
    void theVerifierAgreesWithTheLedgerAndFindsAChangedByteWhereItWasChanged(@TempDir Path dir) throws Exception {
        try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dir.toString()))) {
            LedgerNode.Response restored = node.post("/api/restore",
                    HttpRequest.BodyPublishers.ofString(exportOfReleaseOne()), "Content-Type", "application/x-ndjson");
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
            LedgerNode.Response recorded = node.post("/api/negotiations/" + RU_UA + "/statements", NEW_STATEMENT);
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

            List<String> export = node.get("/api/export").body().lines().toList();
            int newest = index(export, RU_UA, node.jdbc().queryForObject(
                    "SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                    RU_UA));
            JsonNode newEvent = JSON.readTree(export.get(newest));
            assertThat(newEvent.at("/metadata/hashForm").asText()).isEqualTo("jcs");
            assertThat(newEvent.has("firstForm")).isFalse();
            int old = index(export, WAGES, 8);
            JsonNode oldEvent = JSON.readTree(export.get(old));
            assertThat(oldEvent.at("/metadata/hashForm").isMissingNode()).as("sealed by the first release").isTrue();
            assertThat(oldEvent.at("/firstForm/effectiveOn").asText()).isEqualTo("2024-01-15");

            Verified intact = verify(write(dir, "intact.ndjson", export));
            assertThat(intact.exit()).as(intact.output()).isZero();
            assertThat(intact.summary().get("trailer").asText()).isEqualTo("agrees");
            assertThat(intact.negotiations()).isEqualTo(ledgerVerification(node));
            assertThat(intact.negotiations().get(RU_UA).get("intact").asBoolean()).isTrue();

            // One byte changed in the export: in an event of each form.
            List<String> changed = new ArrayList<>(export);
            changed.set(old, withSummaryChanged(export.get(old)));
            changed.set(newest, withSummaryChanged(export.get(newest)));
            Verified broken = verify(write(dir, "changed.ndjson", changed));
            assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
            assertThat(broken.summary().get("trailer").asText()).contains("digest");
            assertBrokenAt(broken.negotiations().get(WAGES), oldEvent);
            assertBrokenAt(broken.negotiations().get(RU_UA), newEvent);

            // One byte changed in the store: the ledger and the script name the same event.
            JsonNode stored = JSON.readTree(export.get(index(export, RU_UA, 25)));
            byte[] payload = node.jdbc().queryForObject("SELECT payload FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND sequencenumber = 25", byte[].class, RU_UA);
            String text = new String(payload, StandardCharsets.UTF_8);
            int at = text.indexOf("\"summary\":\"") + "\"summary\":\"".length();
            node.jdbc().update("UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ? "
                            + "AND sequencenumber = 25", (text.substring(0, at) + "X" + text.substring(at + 1))
                            .getBytes(StandardCharsets.UTF_8), RU_UA);
            Verified afterTampering = verify(write(dir, "tampered.ndjson",
                    node.get("/api/export").body().lines().toList()));
            assertThat(afterTampering.exit()).isEqualTo(1);
            assertThat(afterTampering.summary().get("trailer").asText()).as("the export is whole").isEqualTo("agrees");
            assertBrokenAt(afterTampering.negotiations().get(RU_UA), stored);
            assertThat(afterTampering.negotiations()).isEqualTo(ledgerVerification(node));
        }
    }

    private static void assertBrokenAt(JsonNode verification, JsonNode event) {
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.at("/firstBroken/sequence").asLong()).isEqualTo(event.get("sequence").asLong());
        assertThat(verification.at("/firstBroken/eventId").asText()).isEqualTo(event.get("eventId").asText());
        assertThat(verification.at("/firstBroken/problem").asText()).isEqualTo("CONTENT_CHANGED");
    }

    /** GET /api/verify by negotiation, without the words of each break's detail, which the script says its own way. */
    private static Map<String, JsonNode> ledgerVerification(LedgerNode node) throws IOException {
        Map<String, JsonNode> byNegotiation = new TreeMap<>();
        for (JsonNode line : lines(node.get("/api/verify").body())) {
            if (line.has("negotiationId")) {
                byNegotiation.put(line.get("negotiationId").asText(), withoutDetail(line));
            }
        }
        return byNegotiation;
    }

    private static JsonNode withoutDetail(JsonNode verification) {
        ObjectNode copy = verification.deepCopy();
        if (copy.get("firstBroken") instanceof ObjectNode broken) {
            broken.remove("detail");
        }
        return copy;
    }

    /** The line with the first letter of its summary changed: one byte of its payload. */
    private static String withSummaryChanged(String line) {
        int at = line.indexOf("\"summary\":\"") + "\"summary\":\"".length();
        return line.substring(0, at) + (char) (line.charAt(at) + 1) + line.substring(at + 1);
    }

    /** Where the event of this negotiation and sequence stands in the export. */
    private static int index(List<String> export, String negotiationId, long sequence) throws IOException {
        for (int i = 0; i < export.size(); i++) {
            JsonNode line = JSON.readTree(export.get(i));
            if (negotiationId.equals(line.path("negotiationId").asText()) && line.path("sequence").asLong() == sequence) {
                return i;
            }
        }
        throw new AssertionError("no event " + sequence + " of " + negotiationId + " in the export");
    }

    /** What the script printed with --json, and how it ended. */
    private record Verified(int exit, Map<String, JsonNode> negotiations, JsonNode summary, String output) {
    }

    private static Verified verify(Path export) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("python3", VERIFIER.toString(), "--json", export.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, JsonNode> negotiations = new TreeMap<>();
        JsonNode summary = null;
        for (JsonNode line : lines(output)) {
            if (line.has("negotiationId")) {
                negotiations.put(line.get("negotiationId").asText(), withoutDetail(line));
            } else {
                summary = line;
            }
        }
        assertThat(summary).as(output).isNotNull();
        return new Verified(python.exitValue(), negotiations, summary, output);
    }

    private static List<JsonNode> lines(String ndjson) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static Path write(Path dir, String name, List<String> lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** The rows the first release stored (src/test/resources/release-1), as an export of that ledger. */
    private static String exportOfReleaseOne() throws IOException, NoSuchAlgorithmException {
        StringBuilder export = new StringBuilder();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Map<String, Map<String, Object>> negotiations = new LinkedHashMap<>();
        long position = 0;
        try (var rows = ExportVerifierTest.class.getResourceAsStream("/release-1/events.jsonl")) {
            for (String row : new String(rows.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode stored = JSON.readTree(row);
                String type = stored.get("payloadType").asText();
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("position", ++position);
                event.put("negotiationId", stored.get("aggregateIdentifier").asText());
                event.put("sequence", stored.get("sequenceNumber").asLong());
                event.put("eventId", stored.get("eventIdentifier").asText());
                event.put("type", type.substring(type.lastIndexOf('.') + 1));
                event.put("revision", stored.get("payloadRevision").asText());
                event.put("recordedAt", stored.get("timestamp").asText());
                event.put("hash", stored.at("/metadata/hash").asText());
                event.put("metadata", stored.get("metadata"));
                event.put("payload", stored.get("payload"));
                String line = JSON.writeValueAsString(event) + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                export.append(line);
                negotiations.merge(stored.get("aggregateIdentifier").asText(),
                        Map.of("events", 1L, "headHash", stored.at("/metadata/hash").asText()),
                        (before, now) -> Map.of("events", (Long) before.get("events") + 1,
                                "headHash", now.get("headHash")));
            }
        }
        Map<String, Object> trailer = Map.of("events", position, "negotiations", negotiations,
                "digest", HexFormat.of().formatHex(digest.digest()));
        return export + JSON.writeValueAsString(Map.of("trailer", trailer)) + "\n";
    }
}
